using System.ComponentModel.DataAnnotations;

namespace Comments.Api.Infrastructure.PendingRows;

/// <summary>
/// The early pending rows written together (section <c>PendingRows</c>): at most <see cref="MaxBatch"/> rows a statement,
/// and at most <see cref="Capacity"/> waiting; past that a comment goes without its early row (the worker stores it).
/// </summary>
public sealed class PendingRowOptions
{
    public const string SectionName = "PendingRows";

    [Range(1, 10_000)] public int MaxBatch { get; set; } = 500;
    [Range(1, 1_000_000)] public int Capacity { get; set; } = 10_000;
}
