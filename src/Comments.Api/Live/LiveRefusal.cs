namespace Comments.Api.Live;

/// <summary>Why a stream was not opened.</summary>
public enum LiveRefusal
{
    None,

    /// <summary>This instance serves <see cref="LiveOptions.MaxStreams"/> already: 503.</summary>
    InstanceFull,

    /// <summary>The client's address holds <see cref="LiveOptions.MaxStreamsPerClient"/> already: 429.</summary>
    ClientFull,
}
