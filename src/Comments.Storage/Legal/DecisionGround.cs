namespace Comments.Storage.Legal;

/// <summary>Whether a restriction rests on the law or on the site's terms of service (article 17(3)(d) and (e)).</summary>
public enum DecisionGround
{
    TermsOfService,
    IllegalContent,
}
