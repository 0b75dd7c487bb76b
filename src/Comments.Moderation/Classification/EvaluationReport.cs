namespace Comments.Moderation.Classification;

/// <summary>How a model does on a labelled set at a threshold.</summary>
public sealed record EvaluationReport(int Rows, int Positives, double RocAuc, double Threshold, double Precision, double Recall, double F1)
{
    public static EvaluationReport Compute(IReadOnlyList<(float Score, bool Label)> scored, double threshold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (score, label) in scored)
        {
            var flagged = score >= threshold;
            if (flagged && label) tp++;
            else if (flagged) fp++;
            else if (label) fn++;
        }
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new EvaluationReport(scored.Count, scored.Count(s => s.Label), AreaUnderRocCurve(scored), threshold, precision, recall, f1);
    }

    /// <summary>The probability that a random positive scores above a random negative (ties count half).</summary>
    public static double AreaUnderRocCurve(IReadOnlyList<(float Score, bool Label)> scored)
    {
        var ordered = scored.OrderBy(s => s.Score).ToList();
        double rankSum = 0;
        long positives = 0;
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j < ordered.Count && ordered[j].Score == ordered[i].Score) j++;
            var averageRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (ordered[k].Label) { rankSum += averageRank; positives++; }
            }
            i = j;
        }
        long negatives = ordered.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }

    public override string ToString() =>
        $"rows={Rows} positives={Positives} roc_auc={RocAuc:F4} threshold={Threshold:F3} precision={Precision:F4} recall={Recall:F4} f1={F1:F4}";
}
