using GridCase.Domain.Calendars;
using static GridCase.UnitTests.Calendars.CalendarTestData;

namespace GridCase.UnitTests.Calendars;

public sealed class CalendarYearJsonTests
{
    [Fact]
    public void ToJson_and_Parse_round_trip()
    {
        var json = Year2026.ToJson();
        var parsed = CalendarYear.Parse(json);

        Assert.Equal(Year2026, parsed);
        Assert.Equal(json, parsed.ToJson());
        Assert.Contains("{ \"date\": \"2026-10-01\", \"name\": \"国庆节\" }", json); // readable, not \uXXXX
    }

    [Fact]
    public void A_note_survives_the_round_trip_and_other_unknown_fields_are_ignored()
    {
        const string json = """
            {
              "year": 2027,
              "note": "provisional \"draft\"",
              "source": "whatever",
              "holidays": [{ "date": "2027-01-01", "name": "元旦", "legal": true }],
              "makeUpWorkdays": []
            }
            """;

        var parsed = CalendarYear.Parse(json);

        Assert.Equal("provisional \"draft\"", parsed.Note);
        Assert.Equal([Day("2027-01-01", "元旦")], parsed.Holidays);
        Assert.Empty(parsed.MakeUpWorkdays);
        Assert.Equal(parsed, CalendarYear.Parse(parsed.ToJson()));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{ "holidays": [], "makeUpWorkdays": [] }""", "\"year\"")]
    [InlineData("""{ "year": "2026", "holidays": [], "makeUpWorkdays": [] }""", "whole number")]
    [InlineData("""{ "year": 2026, "makeUpWorkdays": [] }""", "\"holidays\"")]
    [InlineData("""{ "year": 2026, "holidays": [] }""", "\"makeUpWorkdays\"")]
    [InlineData("""{ "year": 2026, "holidays": {}, "makeUpWorkdays": [] }""", "must be an array")]
    [InlineData("""{ "year": 2026, "holidays": [{ "date": "2026-02-30", "name": "x" }], "makeUpWorkdays": [] }""", "holidays[0].date")]
    [InlineData("""{ "year": 2026, "holidays": [{ "date": "2026/10/01", "name": "x" }], "makeUpWorkdays": [] }""", "yyyy-MM-dd")]
    [InlineData("""{ "year": 2026, "holidays": [{ "name": "x" }], "makeUpWorkdays": [] }""", "\"date\"")]
    [InlineData("""{ "year": 2026, "holidays": [{ "date": "2026-10-01", "name": " " }], "makeUpWorkdays": [] }""", "no name")]
    [InlineData("""{ "year": 2026, "holidays": [{ "date": "2025-10-01", "name": "x" }], "makeUpWorkdays": [] }""", "not in 2026")]
    [InlineData("""{ "year": 2026, "holidays": [{ "date": "2026-10-01", "name": "x" }, { "date": "2026-10-01", "name": "y" }], "makeUpWorkdays": [] }""", "listed twice")]
    [InlineData("""{ "year": 2026, "holidays": [{ "date": "2026-10-10", "name": "x" }], "makeUpWorkdays": [{ "date": "2026-10-10", "name": "y" }] }""", "listed twice")]
    [InlineData("""{ "year": 2026, "holidays": [], "makeUpWorkdays": [{ "date": "2026-10-09", "name": "y" }] }""", "Friday")]
    public void Bad_data_is_refused_with_a_message_that_says_where(string json, string expectedFragment)
    {
        var ex = Assert.Throws<FormatException>(() => CalendarYear.Parse(json));

        Assert.Contains(expectedFragment, ex.Message);
    }
}
