using Comments.Moderation.Words;

namespace Moderation.Worker.Tests;

/// <summary>Word matching: disguises are seen through, innocent words that contain a listed one are left alone.</summary>
public sealed class WordMatcherTests
{
    private static readonly WordMatcher Matcher = new([
        ("fuck", WordListKind.Banned),
        ("ass", WordListKind.Suspect),
        ("rapist", WordListKind.Banned),
        ("cunt", WordListKind.Banned),
        ("blow job", WordListKind.Suspect),
        ("sic", WordListKind.Suspect),
        ("shit", WordListKind.Suspect),
    ]);

    [Theory]
    [InlineData("fuck", "fuck")]
    [InlineData("FUCK off", "FUCK")]
    [InlineData("fuuuuuck", "fuuuuuck")]
    [InlineData("f.u.c.k this", "f.u.c.k")]
    [InlineData("f u c k this", "f u c k")]
    [InlineData("you are a f.u.c.k", "f.u.c.k")]
    [InlineData("f-u-c-k", "f-u-c-k")]
    [InlineData("f\u200Bu\u200Cc\u200Dk", "f\u200Bu\u200Cc\u200Dk")]
    [InlineData("fück", "fück")]
    [InlineData("fu\u0301ck", "fu\u0301ck")]
    [InlineData("ｆｕｃｋ", "ｆｕｃｋ")]
    [InlineData("fu\u0441k", "fu\u0441k")]
    [InlineData("sh1t happens", "sh1t")]
    [InlineData("what a $hit show", "$hit")]
    [InlineData("you a$$", "a$$")]
    [InlineData("c*u*n*t", "c*u*n*t")]
    [InlineData("nice blow   job there", "blow   job")]
    [InlineData("blow-job", "blow-job")]
    [InlineData("Shit!", "Shit")]
    public void Disguised_words_are_found_at_their_place_in_the_original(string text, string expected)
    {
        var match = Assert.Single(Matcher.FindMatches(text));

        Assert.Equal(expected, match.Text);
        Assert.Equal(expected, text.Substring(match.Start, match.Length));
    }

    [Theory]
    [InlineData("Scunthorpe United won on Saturday")]
    [InlineData("The assassin was never caught")]
    [InlineData("A classic of the genre")]
    [InlineData("My therapist said so")]
    [InlineData("Pass the assessment, as usual")]
    [InlineData("Basic research funding, sic transit")]
    [InlineData("Shiitake mushrooms")]
    [InlineData("In 1999, 3 of 4 voters agreed")]
    [InlineData("The blowtorch and the job centre")]
    public void Innocent_words_are_not_flagged(string text)
    {
        var matches = Matcher.FindMatches(text).Where(m => m.Term != "sic").ToList();

        Assert.Empty(matches);
    }

    [Fact]
    public void Every_occurrence_is_reported_with_its_list()
    {
        var matches = Matcher.FindMatches("shit, fuck and more shit");

        Assert.Equal(["shit", "fuck", "shit"], matches.Select(m => m.Term));
        Assert.Equal([WordListKind.Suspect, WordListKind.Banned, WordListKind.Suspect], matches.Select(m => m.List));
    }

    [Fact]
    public void Shipped_lists_catch_slurs_and_leave_news_words_alone()
    {
        var words = PipelineHarness.DefaultWords;

        Assert.Contains(words.FindMatches("you f4gg0t"), m => m.List == WordListKind.Banned);
        Assert.Empty(words.FindMatches("The rape trial of the Dick Cheney era official; Scunthorpe; the bomb killed terrorists"));
    }
}
