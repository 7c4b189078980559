//! One rule at a time: what the extractor reads from short texts, and what it must not read.
//! The gold fixtures measure quality on whole documents; these name each case.

use cordiale::corpus::Document;
use cordiale::extract::{Extraction, extract};
use serde_json::{Value, json};
fn run(text: &str) -> Extraction {
    extract(&Document::from_text("case.txt", text))
}
/// (text, value) of every figure.
fn figures(text: &str) -> Vec<(String, Value)> {
    run(text)
        .figures
        .into_iter()
        .map(|f| (f.text, serde_json::to_value(f.value).unwrap()))
        .collect()
}
/// (text, value) of every date.
fn dates(text: &str) -> Vec<(String, Value)> {
    run(text)
        .dates
        .into_iter()
        .map(|d| (d.text, serde_json::to_value(d.value).unwrap()))
        .collect()
}
fn one(found: Vec<(String, Value)>, text: &str, value: Value) {
    assert_eq!(found, vec![(text.to_string(), value)]);
}
#[test]
fn money_in_every_form() {
    one(
        figures("It gives €10 million."),
        "€10 million",
        json!({"amount": 10_000_000, "currency": "EUR"}),
    );
    one(
        figures("It gives 2000€ each."),
        "2000€",
        json!({"amount": 2000, "currency": "EUR"}),
    );
    one(
        figures("It gives GBP 8 million."),
        "GBP 8 million",
        json!({"amount": 8_000_000, "currency": "GBP"}),
    );
    one(
        figures("It gives EUR 2,000,000."),
        "EUR 2,000,000",
        json!({"amount": 2_000_000, "currency": "EUR"}),
    );
    one(
        figures("It gives $3.5bn."),
        "$3.5bn",
        json!({"amount": 3_500_000_000u64, "currency": "USD"}),
    );
    one(
        figures("It gives GBP 75 000."),
        "GBP 75 000",
        json!({"amount": 75_000, "currency": "GBP"}),
    );
    one(
        figures("It gives €5 million a year."),
        "€5 million a year",
        json!({"amount": 5_000_000, "currency": "EUR", "per": "year"}),
    );
    one(
        figures("It gives 10 million euros."),
        "10 million euros",
        json!({"amount": 10_000_000, "currency": "EUR"}),
    );
}
#[test]
fn counts_percentages_and_bounds() {
    one(
        figures("No fewer than 514 traffickers."),
        "No fewer than 514",
        json!({"count": 514, "min": 514}),
    );
    one(
        figures("Staff rose from 150 to 250."),
        "from 150 to 250",
        json!({"count": 150, "min": 150, "max": 250}),
    );
    one(figures("It fell by 75%."), "75%", json!({"percent": 75}));
    one(
        figures("It fell by 30 per cent."),
        "30 per cent",
        json!({"percent": 30}),
    );
    one(
        figures("It was cut tenfold."),
        "tenfold",
        json!({"multiplier": 10}),
    );
    one(
        figures("It paid two-thirds of it."),
        "two-thirds",
        json!({"fraction": 0.6667}),
    );
    one(
        figures("We broke up twenty organised gangs."),
        "twenty",
        json!({"count": 20}),
    );
    one(
        figures("We have some 1,500 staff."),
        "some 1,500",
        json!({"count": 1500, "approx": true}),
    );
    one(
        figures("One in five renters pay."),
        "One in five",
        json!({"fraction": 0.2}),
    );
    one(
        figures("Half a million homes."),
        "Half a million",
        json!({"count": 500_000}),
    );
    one(
        figures("A hundred and twenty thousand children."),
        "A hundred and twenty thousand",
        json!({"count": 120_000}),
    );
}
#[test]
fn things_that_are_not_figures() {
    for text in [
        "Teams work 24/7 here.",
        "See Article 9 of the treaty.",
        "The G7 met.",
        "They bought 4x4 vehicles.",
        "Call +44 20 7946 0958 now.",
        "Use version v2.1 of it.",
        "1. First item\n2. Second item",
        "The plan runs over two years.",
        "It was agreed 11 years ago.",
        "Footnote mark here¹ and [2] there.",
        "Its 100th anniversary.",
        "One alternative is left.",
        "Text.\n\nPage 2 of 3\n\nMore text.",
    ] {
        assert_eq!(figures(text), vec![], "{text}");
    }
}
#[test]
fn dates_in_every_order_and_form() {
    one(
        dates("Signed on 20 August 2015."),
        "20 August 2015",
        json!({"date": "2015-08-20"}),
    );
    one(
        dates("Paris, August 30, 2014"),
        "August 30, 2014",
        json!({"date": "2014-08-30"}),
    );
    one(
        dates("UK-FRANCE SUMMIT, 2 NOVEMBER 2010"),
        "2 NOVEMBER 2010",
        json!({"date": "2010-11-02"}),
    );
    one(
        dates("Published on 16/02/2016."),
        "16/02/2016",
        json!({"date": "2016-02-16"}),
    );
    one(
        dates("Valid from 30.04.2019."),
        "30.04.2019",
        json!({"date": "2019-04-30"}),
    );
    one(
        dates("Starts 2021-09-01."),
        "2021-09-01",
        json!({"date": "2021-09-01"}),
    );
    one(
        dates("Done by March 2011."),
        "by March 2011",
        json!({"date": "2011-03"}),
    );
    one(
        dates("In Q4 2021 it starts."),
        "Q4 2021",
        json!({"date": "2021-Q4"}),
    );
    one(
        dates("Since the spring of 2014."),
        "spring of 2014",
        json!({"date": "2014-03/2014-05"}),
    );
    one(
        dates("In the 2016-17 financial year."),
        "2016-17",
        json!({"date": "2016-04/2017-03"}),
    );
    one(
        dates("From 2005-2008 he served."),
        "2005-2008",
        json!({"date": "2005/2008"}),
    );
    one(
        dates("Arrests between January and September 2010."),
        "between January and September 2010",
        json!({"date": "2010-01/2010-09"}),
    );
    one(
        dates("No later than 1 September 2021."),
        "No later than 1 September 2021",
        json!({"date": "2021-09-01"}),
    );
    one(
        dates("In the first half of 2024."),
        "first half of 2024",
        json!({"date": "2024-01/2024-06"}),
    );
    one(
        dates("Since the 1990s."),
        "1990s",
        json!({"date": "1990/1999"}),
    );
    one(
        dates("Done by mid-2025."),
        "by mid-2025",
        json!({"date": "2025"}),
    );
    one(
        dates("The August 28 summit."),
        "August 28",
        json!({"date": "--08-28"}),
    );
}
#[test]
fn year_less_dates_take_the_year_of_issue() {
    let text = "Paris, 20 August 2015\n\nThe visit on Thursday 20 August went well. We meet again on 31 August, and by the end of the year, and within two years. Next April too.";
    let found = dates(text);
    let get = |t: &str| found.iter().find(|(x, _)| x == t).map(|(_, v)| v.clone());
    assert_eq!(
        get("Thursday 20 August"),
        Some(json!({"date": "2015-08-20"}))
    );
    assert_eq!(get("31 August"), Some(json!({"date": "2015-08-31"})));
    assert_eq!(get("by the end of the year"), Some(json!({"date": "2015"})));
    assert_eq!(get("within two years"), Some(json!({"date": "2017-08-20"})));
    assert_eq!(get("Next April"), Some(json!({"date": "2016-04"})));
}
#[test]
fn things_that_are_not_dates() {
    for text in [
        "Teams work 24/7 here.",
        "Theresa May visited.",
        "We may act.",
        "It has 1,300 police.",
        "It happened in recent weeks, this year and last summer.",
        "See Regulation (EU) 2019/452 now.",
        "At 10:30 we met.",
        "Its 100th anniversary.",
    ] {
        assert_eq!(dates(text), vec![], "{text}");
    }
    // Without a date of issue, "within" keeps its duration.
    one(
        dates("It ends within six months."),
        "within six months",
        json!({"duration": "P6M"}),
    );
}
#[test]
fn commitments_and_what_is_not_one() {
    let text = "We will open negotiations by March 2011. The fund has been strengthened. \
                Will you come? If we win, we will build. She told me: “I would like the government to act.” \
                A new control room will be created. The two countries agreed to organise a conference.";
    let x = run(text);
    let found: Vec<&str> = x.commitments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        found,
        [
            "We will open negotiations by March 2011.",
            "A new control room will be created.",
            "The two countries agreed to organise a conference."
        ]
    );
    assert_eq!(x.commitments[0].actors, ["we"]);
    assert_eq!(
        x.commitments[0].deadline.as_ref().map(|d| d.text.as_str()),
        Some("by March 2011")
    );
    assert!(x.commitments[1].actors.is_empty());
    assert_eq!(x.commitments[2].actors, ["two countries"]);
}
#[test]
fn markdown_pages_and_document_codes() {
    let page = "# Pledge Tracker\n\n| # | Pledge |\n|---|---|\n| 1 | \"We will plant 30 million trees a year\" |\n\nOnly _3,130 hectares_ were planted (HC 12345). We will publish an update.";
    let x = run(page);
    assert_eq!(x.title, "Pledge Tracker");
    let figs: Vec<&str> = x.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(figs, ["30 million", "3,130"]);
    let pledges: Vec<&str> = x.commitments.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(pledges, ["We will publish an update."]);
    assert_eq!(figures("COMPET 412 and COM(2023) 160 final."), vec![]);
    assert_eq!(dates("See COM(2023) 160 final."), vec![]);
    one(
        dates("Met on 17 and 18 April 2024."),
        "17 and 18 April 2024",
        json!({"date": "2024-04-17/2024-04-18"}),
    );
    one(
        dates("Until mid-July."),
        "mid-July",
        json!({"date": "--07"}),
    );
}
#[test]
fn reported_and_non_actions_are_not_commitments() {
    for text in [
        "Yorkshire Water has said it will bring in a ban.",
        "We remain committed to the programme.",
        "I am not going to pretend the market will sort this out.",
    ] {
        assert!(run(text).commitments.is_empty(), "{text}");
    }
}
/// The dates of a text, as (text, value) pairs, for lookups by span.
fn date_of(found: &[(String, Value)], span: &str) -> Option<Value> {
    found
        .iter()
        .find(|(t, _)| t == span)
        .map(|(_, v)| v.clone())
}
#[test]
fn year_ranges_and_financial_years() {
    one(
        dates("The fund ran over the 2014–20 programming period."),
        "2014–20",
        json!({"date": "2014/2020"}),
    );
    one(
        dates("Enrolment fell in the 2021-22 school year."),
        "2021-22",
        json!({"date": "2021/2022"}),
    );
    one(
        dates("The plan for 2030–2035 is ready."),
        "2030–2035",
        json!({"date": "2030/2035"}),
    );
    // A British government text (sterling) counts its bare years April to March…
    one(
        dates("The department will spend £4 million in 2024-25 on repairs."),
        "2024-25",
        json!({"date": "2024-04/2025-03"}),
    );
    // …but a longer range stays a range even there.
    let found = dates("It costs £2 million over 2021–27 and £1 million in 2025-26.");
    assert_eq!(
        date_of(&found, "2021–27"),
        Some(json!({"date": "2021/2027"}))
    );
    assert_eq!(
        date_of(&found, "2025-26"),
        Some(json!({"date": "2025-04/2026-03"}))
    );
    // A US fiscal year runs October to September and is named after its end.
    one(
        dates("Congress funded it in FY2024."),
        "FY2024",
        json!({"date": "2023-10/2024-09"}),
    );
    one(
        dates("Funds for fiscal year 2023 arrive."),
        "fiscal year 2023",
        json!({"date": "2022-10/2023-09"}),
    );
    for text in [
        "Cases of COVID-19 fell.",
        "The line is open 24/7.",
        "Call 0800-22 for help.",
    ] {
        assert_eq!(dates(text), vec![], "{text}");
    }
}
#[test]
fn day_ranges_in_both_orders() {
    one(
        dates("The conference meets on March 25-27, 2026 in Lomé."),
        "March 25-27, 2026",
        json!({"date": "2026-03-25/2026-03-27"}),
    );
    let issued = "Rome, 2 February 2024\n\n";
    let found = dates(&format!("{issued}Talks were held on January 9–10 in Rome."));
    assert_eq!(
        date_of(&found, "January 9–10"),
        Some(json!({"date": "2024-01-09/2024-01-10"}))
    );
    let found = dates(&format!("{issued}Ministers meet on 9–10 April."));
    assert_eq!(
        date_of(&found, "9–10 April"),
        Some(json!({"date": "2024-04-09/2024-04-10"}))
    );
    // A day range never reaches past the month's days: only the day itself is a date.
    one(
        dates("Shipments from April 30-45 days later."),
        "April 30",
        json!({"date": "--04-30"}),
    );
}
#[test]
fn may_is_a_month_only_where_the_context_says_month() {
    let issued = "Ostend, 15 March 2025\n\n";
    let found = dates(&format!(
        "{issued}The ministers meet in late May. The plan is due by the end of May. \
         It began in May 2016 and has grown since May. The report comes by May, and \
         the review at the end of May."
    ));
    assert_eq!(
        date_of(&found, "late May"),
        Some(json!({"date": "2025-05"}))
    );
    assert_eq!(
        date_of(&found, "by the end of May"),
        Some(json!({"date": "2025-05"}))
    );
    assert_eq!(
        date_of(&found, "May 2016"),
        Some(json!({"date": "2016-05"}))
    );
    assert_eq!(date_of(&found, "May"), Some(json!({"date": "2025-05"})));
    assert_eq!(date_of(&found, "by May"), Some(json!({"date": "2025-05"})));
    assert_eq!(
        date_of(&found, "the end of May"),
        Some(json!({"date": "2025-05"}))
    );
    assert_eq!(found.len(), 7, "{found:?}");
    for text in [
        "Theresa May visited Calais.",
        "As Dr May reminds us, the sea is a bridge.",
        "May I thank the Minister for her answer.",
        "The figures may differ from the final version.",
        "Prime Minister May and the President spoke.",
        "We thank Mrs May for her work.",
        "Questions were put to May from the back benches.",
        "The MAY conference shares a name, not a date.",
    ] {
        assert_eq!(dates(text), vec![], "{text}");
    }
}
#[test]
fn weekdays_resolve_against_the_date_of_issue() {
    // 14 February 2025 was a Friday.
    let issued = "Dublin, 14 February 2025\n\n";
    let found = dates(&format!(
        "{issued}Leaders dined on Thursday and met on Friday. Officials will meet on Monday \
         and again next Tuesday; they last spoke last Friday."
    ));
    assert_eq!(
        date_of(&found, "Thursday"),
        Some(json!({"date": "2025-02-13"}))
    );
    assert_eq!(
        date_of(&found, "Friday"),
        Some(json!({"date": "2025-02-14"}))
    );
    assert_eq!(
        date_of(&found, "Monday"),
        Some(json!({"date": "2025-02-17"}))
    );
    assert_eq!(
        date_of(&found, "next Tuesday"),
        Some(json!({"date": "2025-02-18"}))
    );
    assert_eq!(
        date_of(&found, "last Friday"),
        Some(json!({"date": "2025-02-07"}))
    );
    // A weekday inside a name, or with no date of issue, is no date.
    for text in [
        "Dublin, 14 February 2025\n\nThe Good Friday Agreement endures.",
        "Dublin, 14 February 2025\n\nShops expect a rush on Black Friday.",
        "They met on Friday to talk.",
    ] {
        let found = dates(text);
        assert!(
            found.iter().all(|(t, _)| !t.contains("day ")),
            "{text}: {found:?}"
        );
        assert!(
            found.iter().all(|(t, _)| !t.ends_with("day")),
            "{text}: {found:?}"
        );
    }
}
#[test]
fn relative_months_seasons_and_decades() {
    // 15 May 2025: spring is not over yet, summer and autumn are ahead.
    let issued = "Esbjerg, 15 May 2025\n\n";
    let found = dates(&format!(
        "{issued}We met in June last year. We launch a tender next spring and finish \
         by early fall. Talks end before the summer, and the survey runs this spring. \
         Power demand doubles by mid-century and the grid grows by the end of the decade. \
         A review follows in autumn 2026 and a vote in March next year."
    ));
    assert_eq!(
        date_of(&found, "June last year"),
        Some(json!({"date": "2024-06"}))
    );
    assert_eq!(
        date_of(&found, "next spring"),
        Some(json!({"date": "2026-03/2026-05"}))
    );
    assert_eq!(
        date_of(&found, "by early fall"),
        Some(json!({"date": "2025-09/2025-11"}))
    );
    assert_eq!(
        date_of(&found, "before the summer"),
        Some(json!({"date": "2025-06/2025-08"}))
    );
    assert_eq!(
        date_of(&found, "this spring"),
        Some(json!({"date": "2025-03/2025-05"}))
    );
    assert_eq!(
        date_of(&found, "by mid-century"),
        Some(json!({"date": "2050"}))
    );
    assert_eq!(
        date_of(&found, "by the end of the decade"),
        Some(json!({"date": "2029"}))
    );
    assert_eq!(
        date_of(&found, "autumn 2026"),
        Some(json!({"date": "2026-09/2026-11"}))
    );
    assert_eq!(
        date_of(&found, "March next year"),
        Some(json!({"date": "2026-03"}))
    );
    // A season already over at the date of issue is next year's.
    let found = dates("Oslo, 5 October 2023\n\nThe line opens by late summer.");
    assert_eq!(
        date_of(&found, "by late summer"),
        Some(json!({"date": "2024-06/2024-08"}))
    );
    // Relative words without a calendar value stay out; nothing without a date of issue.
    for text in [
        "Esbjerg, 15 May 2025\n\nIt was hot last summer, in the summer, this year and next year.",
        "Esbjerg, 15 May 2025\n\nWe report later this year and early next year.",
        "We will finish by early fall and meet next spring.",
    ] {
        let found = dates(text);
        assert!(
            found.iter().all(|(t, _)| t.contains("2025")),
            "{text}: {found:?}"
        );
    }
}
#[test]
fn a_year_after_over_is_a_year_but_a_count_is_not() {
    let found = dates("The Union will spend EUR 5 million over 2025 and 2026.");
    assert_eq!(date_of(&found, "2025"), Some(json!({"date": "2025"})));
    assert_eq!(date_of(&found, "2026"), Some(json!({"date": "2026"})));
    one(
        dates("Prices were stable over 2023."),
        "2023",
        json!({"date": "2023"}),
    );
    for text in [
        "It trained over 2000 officers.",
        "We met at 10:30 and again at 9.45am.",
        "Over 1500 people came.",
    ] {
        assert_eq!(dates(text), vec![], "{text}");
    }
}
#[test]
fn a_weekday_takes_the_tense_of_its_clause() {
    // 10 June 2025 was a Tuesday: a Monday still to come is the 16th, one gone by the 9th.
    let issued = "Leeds, 10 June 2025\n\n";
    let found = dates(&format!(
        "{issued}The minister will announce the package on Monday. The board met on Monday \
         and again on Thursday, and we'll report on Friday."
    ));
    let values: Vec<_> = found.iter().map(|(t, v)| (t.as_str(), v.clone())).collect();
    assert_eq!(
        values,
        vec![
            ("10 June 2025", json!({"date": "2025-06-10"})),
            ("Monday", json!({"date": "2025-06-16"})),
            ("Monday", json!({"date": "2025-06-09"})),
            ("Thursday", json!({"date": "2025-06-05"})),
            ("Friday", json!({"date": "2025-06-13"})),
        ]
    );
    // With no verb that shows the tense, the nearest such day.
    let found = dates(&format!("{issued}Ministers meet on Wednesday."));
    assert_eq!(
        date_of(&found, "Wednesday"),
        Some(json!({"date": "2025-06-11"}))
    );
}
#[test]
fn a_season_naming_a_thing_is_no_date() {
    let issued = "Leeds, 10 June 2025\n\n";
    for text in [
        "We will do that before the summer recess.",
        "It will be set out in this autumn statement.",
        "Rules follow before the Spring Conference.",
        "Leaders meet by the summer holidays.",
    ] {
        let found = dates(&format!("{issued}{text}"));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
    }
    // The season itself still is one.
    let found = dates(&format!("{issued}We will do that before the summer."));
    assert_eq!(
        date_of(&found, "before the summer"),
        Some(json!({"date": "2025-06/2025-08"}))
    );
}
#[test]
fn a_day_range_with_a_hyphen() {
    let issued = "Vienna, 14 March 2024\n\n";
    let found = dates(&format!(
        "{issued}Over the weekend of 9-10 March ministers met, and again on 20-22 April 2025."
    ));
    assert_eq!(
        date_of(&found, "9-10 March"),
        Some(json!({"date": "2024-03-09/2024-03-10"}))
    );
    assert_eq!(
        date_of(&found, "20-22 April 2025"),
        Some(json!({"date": "2025-04-20/2025-04-22"}))
    );
    // Without a month after them, two numbers are no days.
    assert_eq!(
        dates(&format!("{issued}See pages 9-10 of the report.")).len(),
        1
    );
}
#[test]
fn a_month_of_last_year_and_a_spoken_year() {
    let issued = "Washington, 5 January 2023\n\n";
    let found = dates(&format!(
        "{issued}Since May of last year, thefts fell. On my trip in December ’22 I \
         said so, and in March of next year we return."
    ));
    assert_eq!(
        date_of(&found, "May of last year"),
        Some(json!({"date": "2022-05"}))
    );
    assert_eq!(
        date_of(&found, "December ’22"),
        Some(json!({"date": "2022-12"}))
    );
    assert_eq!(
        date_of(&found, "March of next year"),
        Some(json!({"date": "2024-03"}))
    );
}
#[test]
fn a_winter_across_two_years() {
    let found = dates("Storage must be full for winter 2023-24 and through the winter of 2024/25.");
    assert_eq!(
        date_of(&found, "winter 2023-24"),
        Some(json!({"date": "2023-12/2024-02"}))
    );
    assert_eq!(
        date_of(&found, "winter of 2024/25"),
        Some(json!({"date": "2024-12/2025-02"}))
    );
    assert_eq!(found.len(), 2, "{found:?}");
}
#[test]
fn a_range_keeps_the_modifiers_of_its_ends() {
    let issued = "Vienna, 14 March 2024\n\n";
    let found = dates(&format!(
        "{issued}From mid-April to late June we consulted, and between early 2019 and late 2021 \
         prices rose."
    ));
    assert_eq!(
        date_of(&found, "From mid-April to late June"),
        Some(json!({"date": "2024-04/2024-06"}))
    );
    assert_eq!(
        date_of(&found, "between early 2019 and late 2021"),
        Some(json!({"date": "2019/2021"}))
    );
}
#[test]
fn a_weekday_without_a_preposition_is_a_date_unless_it_names_something() {
    // 10 June 2025 was a Tuesday.
    let issued = "Leeds, 10 June 2025\n\n";
    let found = dates(&format!(
        "{issued}Ministers agreed that Thursday’s summit will go ahead. Friday will see the \
         vote. The report published this past Monday was clear."
    ));
    assert_eq!(
        date_of(&found, "Thursday"),
        Some(json!({"date": "2025-06-12"}))
    );
    assert_eq!(
        date_of(&found, "Friday"),
        Some(json!({"date": "2025-06-13"}))
    );
    assert_eq!(
        date_of(&found, "Monday"),
        Some(json!({"date": "2025-06-09"}))
    );
    for text in [
        "The Good Friday Agreement endures.",
        "The office opens every Monday and on a Tuesday in July.",
        "The Friday Prayers were held.",
        "Shoppers flocked to stores on Black Friday.",
    ] {
        let found = dates(&format!("{issued}{text}"));
        assert!(
            found.iter().all(|(t, _)| !t.ends_with("day")),
            "{text}: {found:?}"
        );
    }
}
#[test]
fn end_of_a_period_in_one_word_and_as_of_may() {
    let issued = "Brussels, 3 March 2025\n\n";
    let found = dates(&format!(
        "{issued}Member States report by end-June and the Commission reviews it by end-2026. \
         As of May, the rules apply."
    ));
    assert_eq!(
        date_of(&found, "by end-June"),
        Some(json!({"date": "2025-06"}))
    );
    assert_eq!(
        date_of(&found, "by end-2026"),
        Some(json!({"date": "2026"}))
    );
    assert_eq!(date_of(&found, "May"), Some(json!({"date": "2025-05"})));
    assert!(figures(&format!("{issued}It ends by end-2026.")).is_empty());
}
#[test]
fn us_abbreviations_short_fiscal_years_and_ordinal_days() {
    let issued = "Washington, March 14, 2024\n\n";
    let found = dates(&format!(
        "{issued}It closed on Sept. 30, 2023, and funds for FY25 arrive. The Fourth of July \
         parade and the first of May are holidays."
    ));
    assert_eq!(
        date_of(&found, "Sept. 30, 2023"),
        Some(json!({"date": "2023-09-30"}))
    );
    assert_eq!(
        date_of(&found, "FY25"),
        Some(json!({"date": "2024-10/2025-09"}))
    );
    assert_eq!(
        date_of(&found, "Fourth of July"),
        Some(json!({"date": "2024-07-04"}))
    );
    assert_eq!(
        date_of(&found, "first of May"),
        Some(json!({"date": "2024-05-01"}))
    );
    assert_eq!(
        date_of(
            &dates(&format!(
                "{issued}Polls close on the twenty-first of March."
            )),
            "twenty-first of March"
        ),
        Some(json!({"date": "2024-03-21"}))
    );
    assert!(figures(&format!("{issued}It closed on Sept. 30, 2023.")).is_empty());
}
#[test]
fn may_acting_is_a_person_even_after_a_month_word() {
    let issued = "London, 3 March 2019\n\n";
    for text in [
        "Things changed since May took office.",
        "The plan was adopted after May resigned.",
        "The deal negotiated by May was rejected.",
    ] {
        let found = dates(&format!("{issued}{text}"));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
    }
    let found = dates(&format!(
        "{issued}The vote was held in May, and again in May 2020."
    ));
    assert_eq!(found.len(), 3, "{found:?}");
}
#[test]
fn midcentury_in_either_spelling() {
    let found = dates(
        "Washington, March 14, 2024\n\nWe reach net zero by midcentury, and the grid by mid-century.",
    );
    assert_eq!(
        date_of(&found, "by midcentury"),
        Some(json!({"date": "2050"}))
    );
    assert_eq!(
        date_of(&found, "by mid-century"),
        Some(json!({"date": "2050"}))
    );
}
#[test]
fn the_coming_season_or_weekday_is_the_next_one() {
    // 15 May 2025 was a Thursday.
    let found = dates(
        "Esbjerg, 15 May 2025\n\nStocks must last through the coming winter, and the board meets this coming Monday.",
    );
    assert_eq!(
        date_of(&found, "coming winter"),
        Some(json!({"date": "2025-12/2026-02"}))
    );
    assert_eq!(
        date_of(&found, "coming Monday"),
        Some(json!({"date": "2025-05-19"}))
    );
}
#[test]
fn the_1800s_is_a_century_and_the_2000s_a_decade() {
    let found = dates("Families came in the mid-1800s, in the 1900s and in the 1990s and 2000s.");
    assert_eq!(
        date_of(&found, "mid-1800s"),
        Some(json!({"date": "1800/1899"}))
    );
    assert_eq!(date_of(&found, "1900s"), Some(json!({"date": "1900/1999"})));
    assert_eq!(date_of(&found, "1990s"), Some(json!({"date": "1990/1999"})));
    assert_eq!(date_of(&found, "2000s"), Some(json!({"date": "2000/2009"})));
}
#[test]
fn a_financial_year_written_with_to_and_ranges_of_intervals() {
    let found = dates(
        "In the 2024 to 2025 financial year we spend £5 million; for financial year 2023 to 2024 \
         it was less.",
    );
    assert_eq!(
        date_of(&found, "2024 to 2025"),
        Some(json!({"date": "2024-04/2025-03"}))
    );
    assert_eq!(
        date_of(&found, "financial year 2023 to 2024"),
        Some(json!({"date": "2023-04/2024-03"}))
    );
    // A range between two intervals runs from the start of the first to the end of the last.
    let found = dates("Funds flow from FY2023 to FY2025 and from summer 2024 to winter 2025.");
    assert_eq!(
        date_of(&found, "from FY2023 to FY2025"),
        Some(json!({"date": "2022-10/2025-09"}))
    );
    assert_eq!(
        date_of(&found, "from summer 2024 to winter 2025"),
        Some(json!({"date": "2024-06/2026-02"}))
    );
    // Without a financial year named, two years are a range.
    one(
        dates("Output rose from 2024 to 2025."),
        "from 2024 to 2025",
        json!({"date": "2024/2025"}),
    );
}
#[test]
fn by_the_end_of_the_century() {
    let found =
        dates("Esbjerg, 15 May 2025\n\nWarming stays below 1.5C by the end of the century.");
    assert_eq!(
        date_of(&found, "by the end of the century"),
        Some(json!({"date": "2099"}))
    );
}
/// The texts of every figure.
fn figure_texts(text: &str) -> Vec<String> {
    figures(text).into_iter().map(|(t, _)| t).collect()
}
#[test]
fn vague_quantities_are_approximate_minimums() {
    one(
        figures("The storm left thousands of households without power."),
        "thousands",
        json!({"count": 1000, "min": 1000, "approx": true}),
    );
    one(
        figures("Inspectors closed dozens of illegal sites."),
        "dozens",
        json!({"count": 12, "min": 12, "approx": true}),
    );
    one(
        figures("Aircraft carried hundreds of tonnes of grain."),
        "hundreds",
        json!({"count": 100, "min": 100, "approx": true}),
    );
    one(
        figures("Tens of thousands of nurses joined the strike."),
        "Tens of thousands",
        json!({"count": 10_000, "min": 10_000, "approx": true}),
    );
    one(
        figures("Fishing sustains millions of livelihoods."),
        "millions",
        json!({"count": 1_000_000, "min": 1_000_000, "approx": true}),
    );
    one(
        figures("The scheme will cost hundreds of millions of dollars a year."),
        "hundreds of millions of dollars a year",
        json!({"amount": 100_000_000, "currency": "USD", "min": 100_000_000,
               "approx": true, "per": "year"}),
    );
    one(
        figures("They lost billions of euros."),
        "billions of euros",
        json!({"amount": 1_000_000_000, "currency": "EUR", "min": 1_000_000_000,
               "approx": true}),
    );
    one(
        figures("Councils need tens of millions of pounds to repair roads."),
        "tens of millions of pounds",
        json!({"amount": 10_000_000, "currency": "GBP", "min": 10_000_000, "approx": true}),
    );
    one(
        figures("The bill is worth hundreds of millions."),
        "hundreds of millions",
        json!({"count": 100_000_000, "min": 100_000_000, "approx": true}),
    );
    one(
        figures("Tens of thousands fled the fighting."),
        "Tens of thousands",
        json!({"count": 10_000, "min": 10_000, "approx": true}),
    );
    one(
        figures("Hundreds of millions of people lack clean water."),
        "Hundreds of millions",
        json!({"count": 100_000_000, "min": 100_000_000, "approx": true}),
    );
    one(
        figures("That is several hundred people a day."),
        "several hundred",
        json!({"count": 100, "min": 100, "approx": true}),
    );
    one(
        figures("It will cost a few hundred million dollars."),
        "a few hundred million dollars",
        json!({"amount": 100_000_000, "currency": "USD", "min": 100_000_000, "approx": true}),
    );
    one(
        figures("The bank will raise billions more in loans."),
        "billions",
        json!({"count": 1_000_000_000u64, "min": 1_000_000_000u64, "approx": true}),
    );
    for text in [
        "A few ships and several ports were hit; many towns and numerous villages too.",
        "They worked in their thousands.",
        "The valley has been farmed for thousands of years.",
        "Results came in tens and units.",
    ] {
        assert_eq!(figures(text), vec![], "{text}");
    }
}
#[test]
fn multipliers_as_verbs_and_words() {
    one(
        figures("Exports doubled last year."),
        "doubled",
        json!({"multiplier": 2}),
    );
    one(
        figures("The fund will double in size."),
        "double",
        json!({"multiplier": 2}),
    );
    one(
        figures("We will double the number of inspectors."),
        "double",
        json!({"multiplier": 2}),
    );
    one(
        figures("Prices have tripled since the war began."),
        "tripled",
        json!({"multiplier": 3}),
    );
    one(
        figures("We aim to quadruple our solar output."),
        "quadruple",
        json!({"multiplier": 4}),
    );
    one(
        figures("Demand is now more than double what it was."),
        "more than double",
        json!({"multiplier": 2, "min": 2}),
    );
    one(
        figures("Costs will roughly double by then."),
        "roughly double",
        json!({"multiplier": 2, "approx": true}),
    );
    one(
        figures("The new line carries twice as many passengers."),
        "twice",
        json!({"multiplier": 2}),
    );
    one(
        figures("The new port handles three times as many ships."),
        "three times",
        json!({"multiplier": 3}),
    );
    one(
        figures("Rural areas receive three times as much rain."),
        "three times",
        json!({"multiplier": 3}),
    );
    one(
        figures("Exports doubled as prices rose."),
        "doubled",
        json!({"multiplier": 2}),
    );
    one(
        figures("Doubling the grant was the right call."),
        "Doubling",
        json!({"multiplier": 2}),
    );
    assert_eq!(
        figures("The bursary will be doubled to 400 places."),
        vec![
            ("doubled".to_string(), json!({"multiplier": 2})),
            ("400".to_string(), json!({"count": 400})),
        ]
    );
    one(
        figures("Losses are about nine times higher."),
        "about nine times",
        json!({"multiplier": 9, "approx": true}),
    );
    for text in [
        "This is a double standard.",
        "Treaties to avoid double taxation were signed.",
        "The Minister visited the port twice.",
        "The triple lock on pensions stays.",
        "They will halve the backlog.",
        "We will double down on enforcement.",
        "We doubled down on enforcement and are doubling down again.",
        "The room doubles as an office; it doubled up as a clinic.",
        "The hall will double as a shelter.",
    ] {
        assert_eq!(figures(text), vec![], "{text}");
    }
}
#[test]
fn fractions_in_words() {
    one(
        figures("Less than half had been spent."),
        "Less than half",
        json!({"fraction": 0.5, "max": 0.5}),
    );
    one(
        figures("Arrivals fell by almost half in a year."),
        "almost half",
        json!({"fraction": 0.5, "approx": true}),
    );
    one(
        figures("Half of all tenants rent privately."),
        "Half",
        json!({"fraction": 0.5}),
    );
    one(
        figures("Waiting times were cut by half."),
        "half",
        json!({"fraction": 0.5}),
    );
    one(
        figures("Two in three voters agreed."),
        "Two in three",
        json!({"fraction": 0.6667}),
    );
    one(
        figures("Around 1 in 4 children live in poverty."),
        "Around 1 in 4",
        json!({"fraction": 0.25, "approx": true}),
    );
    one(
        figures("Nine out of ten councils agreed."),
        "Nine out of ten",
        json!({"fraction": 0.9}),
    );
    one(
        figures("9 out of 10 councils agreed."),
        "9 out of 10",
        json!({"fraction": 0.9}),
    );
    assert_eq!(figure_texts("Sales rose 5 in 2023."), ["5"]);
    one(
        figures("One in every five homes is cold."),
        "One in every five",
        json!({"fraction": 0.2}),
    );
    one(
        figures("Around one-in-five firms export."),
        "Around one-in-five",
        json!({"fraction": 0.2, "approx": true}),
    );
    one(
        figures("A quarter of schools lack heating."),
        "A quarter",
        json!({"fraction": 0.25}),
    );
    one(
        figures("We will cut plastic litter in half by 2035."),
        "half",
        json!({"fraction": 0.5}),
    );
    one(
        figures("They hope to plant at least half by March."),
        "at least half",
        json!({"fraction": 0.5, "min": 0.5}),
    );
    for text in [
        "In the first half of the meeting nothing was said.",
        "The talks lasted half an hour.",
        "They met again in half an hour.",
    ] {
        assert_eq!(figures(text), vec![], "{text}");
    }
}
#[test]
fn pounds_of_weight_are_not_sterling() {
    one(
        figures("Agents seized 2,500 pounds of cocaine."),
        "2,500",
        json!({"count": 2500}),
    );
    one(
        figures("Agents seized more than 900 pounds of methamphetamine."),
        "more than 900",
        json!({"count": 900, "min": 900}),
    );
    one(
        figures("The council saved 2 million pounds sterling."),
        "2 million pounds sterling",
        json!({"amount": 2_000_000, "currency": "GBP"}),
    );
    one(
        figures("It costs 40,000 pounds of public money."),
        "40,000 pounds",
        json!({"amount": 40_000, "currency": "GBP"}),
    );
    one(
        figures("It costs £2m."),
        "£2m",
        json!({"amount": 2_000_000, "currency": "GBP"}),
    );
}
#[test]
fn enumerators_and_article_numbers_are_not_counts() {
    for text in [
        "The aims are: (1) cleaner rivers, (2) safer dams and (3) fewer floods.",
        "Steps: 1) register, 2) apply.",
        "It covers i) housing, ii) transport and (iv) energy.",
        "The debate covered Articles 12 to 15 of the draft.",
        "See Articles 4, 5 and 9 and paragraphs 3-5.",
        "Volume 763: debated on Monday.",
        "Section 702 and Title 42 were discussed, as was Resolution 2231.",
        "See Article 9.",
        "On my trip in December ‘22, I spoke.",
        "Since '19 it has grown.",
    ] {
        assert_eq!(figure_texts(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        figure_texts("The strategy has three aims: (1) cleaner rivers and (2) safer dams."),
        ["three"]
    );
}
#[test]
fn a_year_after_a_preposition_is_not_a_count() {
    for text in [
        "Funds will be available over 2025 and 2026.",
        "Emissions have fallen since 2010, and will fall through 2030.",
        "Spending rose during 2021.",
        "The programme for 2021–27 and the budget for 2025-26 were agreed.",
        "Clean power no later than 2045 and fewer mines before it.",
        "Demand will hold until at least 2030 across the region.",
        "Funds were spent in 2025 and in 2026.",
        "Over 1990 levels, emissions fell.",
    ] {
        assert_eq!(figure_texts(text), Vec::<String>::new(), "{text}");
    }
    // `in 2025` is a date, never a count.
    assert_eq!(
        dates("Funds were spent in 2025."),
        vec![("2025".to_string(), json!({"date": "2025"}))]
    );
    one(
        figures("We trained over 2000 teachers."),
        "over 2000",
        json!({"count": 2000, "min": 2000}),
    );
    one(
        figures("They will hire at least 2025 nurses."),
        "at least 2025",
        json!({"count": 2025, "min": 2025}),
    );
}
#[test]
fn days_of_a_range_of_days_are_not_counts() {
    for text in [
        "At the forum on March 3-4, the leaders met.",
        "The conference of June 29-30, 2022 ended.",
        "They gathered in Lima on 11-12 October 2019.",
        "The talks of 21–22 June were long.",
    ] {
        assert_eq!(figure_texts(text), Vec::<String>::new(), "{text}");
    }
    one(
        figures("Output rose 10-12 in May."),
        "10-12",
        json!({"count": 10, "min": 10, "max": 12}),
    );
    one(
        figures("Prices rose 10-12 per cent in June."),
        "10-12 per cent",
        json!({"percent": 10, "min": 10, "max": 12}),
    );
}
#[test]
fn numbered_names_are_not_counts() {
    for text in [
        "The partners oppose Baltic Link 3, which divides them.",
        "We remember the passengers of Coastal Flight 418, lost in 2018.",
        "They formed Joint Task Force 210 and Task Force 38.",
        "Work on the Chapter 2 Regional Treaty goes on.",
        "It was ordered by Executive Order 14020 in March.",
        "We support the Harbour Act (H.R. 2468/S. 915) today.",
        "It hears Labour 9, Youth 9 and Business 9 covering housing.",
        "They adopt the GridMonitor 4.0 that helps.",
    ] {
        assert_eq!(figure_texts(text), Vec::<String>::new(), "{text}");
    }
    one(
        figures("Allies sent Ukraine 300 rifles."),
        "300",
        json!({"count": 300}),
    );
    assert_eq!(
        figure_texts("Arrivals rose in Italy 40,000, Greece 30,000 and Spain."),
        ["40,000", "30,000"]
    );
    // A title-case heading's verb is no name.
    assert_eq!(
        figure_texts("The President Announces 500 New Jobs and Deploying 300 Troops."),
        ["500", "300"]
    );
    // `number` as a verb counts.
    assert_eq!(figure_texts("The camps now number 4,000."), ["4,000"]);
    one(
        figures("Only 300 were approved."),
        "300",
        json!({"count": 300}),
    );
}
#[test]
fn numbered_paragraphs_and_footnote_marks_are_not_counts() {
    for text in [
        "19\\. The Council has a central role.",
        "Intro.\n\n**1. ACCOMPLISHMENTS**",
        "Intro.\n\n24.We applaud the signing of the pact.",
        "33. <sup>1 </sup>We stand by it.",
        "It was noted.<sup>[2]</sup>",
        "1. First item\n2. Second item",
        "Conclusions\n\n1.1 The Council notes the report.",
    ] {
        assert_eq!(figure_texts(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        figure_texts("Intro.\n\n2.3 million People voted."),
        ["2.3 million"]
    );
    // A hard-wrapped sentence that carries its number onto the next line still counts it.
    one(
        figures("We trained a total of\n300. Then we stopped."),
        "300",
        json!({"count": 300}),
    );
}
#[test]
fn a_number_hyphened_to_a_time_unit_is_a_duration() {
    for text in [
        "We are ending a 30-year slide in wages.",
        "They praised the 65-year history of restraint.",
        "A 24-hour helpline opens.",
    ] {
        assert_eq!(figure_texts(text), Vec::<String>::new(), "{text}");
    }
    one(
        figures("It funds a 10-year, $5 billion plan."),
        "$5 billion",
        json!({"amount": 5_000_000_000u64, "currency": "USD"}),
    );
}
#[test]
fn a_couple_of_hundred_and_vulgar_fractions() {
    one(
        figures("A couple of hundred wells were reopened."),
        "A couple of hundred",
        json!({"count": 200, "approx": true}),
    );
    one(
        figures("It will cost a couple of thousand pounds."),
        "a couple of thousand pounds",
        json!({"amount": 2000, "currency": "GBP", "approx": true}),
    );
    assert_eq!(figures("We met a couple of times."), vec![]);
    one(
        figures("Members pledge at least $2¾ billion."),
        "at least $2¾ billion",
        json!({"amount": 2_750_000_000u64, "currency": "USD", "min": 2_750_000_000u64}),
    );
    one(
        figures("Inflation was 2½ per cent."),
        "2½ per cent",
        json!({"percent": 2.5}),
    );
}
#[test]
fn codes_markup_and_names_are_not_figures() {
    for text in [
        "See press release IP/25/712 for details.",
        "The file is IP_25_712 in the register.",
        "The G7 met again.",
        "Teams work 24/7.",
        "Theresa May spoke.",
        "COVID-19 changed everything.",
        "Plans fit for the 3<sup>rd</sup> round.",
        "Output has grown for five consecutive years.",
        "Tickets are free for over 60s and under 5s.",
        "The plan is built around three priorities.",
    ] {
        let found = figure_texts(text);
        let expected: Vec<String> = if text.contains("three priorities") {
            vec!["three".into()]
        } else {
            vec![]
        };
        assert_eq!(found, expected, "{text}");
    }
    one(
        figures("The plan is built around three priorities."),
        "three",
        json!({"count": 3}),
    );
    one(
        figures("Only _3,130 hectares_ were planted."),
        "3,130",
        json!({"count": 3130}),
    );
}
#[test]
fn a_number_word_reached_by_a_change_is_a_count() {
    one(
        figures("We will raise the number of taskforces to eight by March."),
        "eight",
        json!({"count": 8}),
    );
    one(
        figures("The list was cut to three."),
        "three",
        json!({"count": 3}),
    );
    one(
        figures("Ships based there will rise from four to six."),
        "from four to six",
        json!({"count": 4, "min": 4, "max": 6}),
    );
    assert_eq!(figures("They talked to one another."), vec![]);
}
#[test]
fn a_change_then_the_level_it_reaches_are_two_figures() {
    assert_eq!(
        figures("The number of officers rose by 1,200 to 4,500."),
        vec![
            ("1,200".to_string(), json!({"count": 1200})),
            ("4,500".to_string(), json!({"count": 4500})),
        ]
    );
    assert_eq!(
        figure_texts("The grant grew by $20 million to $75 million."),
        ["$20 million", "$75 million"]
    );
    // The second number's scale and currency stay with it.
    assert_eq!(
        figures("Waiting lists fell by 10,000 to 7.5 million."),
        vec![
            ("10,000".to_string(), json!({"count": 10_000})),
            ("7.5 million".to_string(), json!({"count": 7_500_000})),
        ]
    );
    assert_eq!(
        figures("It rose by 5 to 10,000 euros."),
        vec![
            ("5".to_string(), json!({"count": 5})),
            (
                "10,000 euros".to_string(),
                json!({"amount": 10_000, "currency": "EUR"})
            ),
        ]
    );
    one(
        figures("We will cut emissions by 40 to 50 per cent."),
        "40 to 50 per cent",
        json!({"percent": 40, "min": 40, "max": 50}),
    );
}
#[test]
fn money_glued_to_its_code() {
    one(
        figures("It lends USD5 million."),
        "USD5 million",
        json!({"amount": 5_000_000, "currency": "USD"}),
    );
    one(
        figures("It lends EUR10m."),
        "EUR10m",
        json!({"amount": 10_000_000, "currency": "EUR"}),
    );
    assert_eq!(figures("The COVID19 case and the G20."), vec![]);
}
#[test]
fn and_a_half_belongs_to_the_number() {
    one(
        figures("One and a half million people voted."),
        "One and a half million",
        json!({"count": 1_500_000}),
    );
    one(
        figures("It costs two and a half billion euros."),
        "two and a half billion euros",
        json!({"amount": 2_500_000_000u64, "currency": "EUR"}),
    );
    one(
        figures("Inflation hit three and a half per cent."),
        "three and a half per cent",
        json!({"percent": 3.5}),
    );
    assert_eq!(figures("The talks took two and a half years."), vec![]);
}
#[test]
fn a_scale_or_per_cent_hyphened_to_the_number() {
    one(
        figures("They won a $10-million grant."),
        "$10-million",
        json!({"amount": 10_000_000, "currency": "USD"}),
    );
    one(
        figures("It is a 25-percent cut."),
        "25-percent",
        json!({"percent": 25}),
    );
    one(
        figures("It costs €5-10 million."),
        "€5-10 million",
        json!({"amount": 5_000_000, "currency": "EUR", "min": 5_000_000, "max": 10_000_000}),
    );
}
/// (text, actors) of every commitment.
fn pledges(text: &str) -> Vec<(String, Vec<String>)> {
    run(text)
        .commitments
        .into_iter()
        .map(|c| (c.text, c.actors))
        .collect()
}
fn pledged(text: &str) -> Vec<String> {
    pledges(text).into_iter().map(|(t, _)| t).collect()
}
#[test]
fn action_lists_take_the_actors_of_a_pledging_lead_in() {
    // A bare lead-in says nothing beyond its cue: only its items are commitments.
    let council = "4. The Board agrees to:\n\n(a) publish the audit by March;\n\n(b) review the fees.\n\n\
                   5. The Board INVITES the Agency to:\n\n(a) present a report on costs;\n\n(b) consult the regions.\n\n\
                   6. The Board CALLS ON the regions to make use of the funds.";
    assert_eq!(
        pledges(council),
        [
            (
                "publish the audit by March;".to_string(),
                vec!["Board".to_string()]
            ),
            ("review the fees.".to_string(), vec!["Board".to_string()]),
        ]
    );
    let pledged_to = "The Ministers pledged to:\n\n- Fund ten new clinics.\n- Train 500 nurses.";
    assert_eq!(
        pledges(pledged_to),
        [
            (
                "Fund ten new clinics.".to_string(),
                vec!["Ministers".to_string()]
            ),
            (
                "Train 500 nurses.".to_string(),
                vec!["Ministers".to_string()]
            ),
        ]
    );
    let generic = "Aware of the risks, the Ministers pledged to take concrete steps such as:\n\n- Fund ten new clinics.";
    assert_eq!(pledged(generic), ["Fund ten new clinics."]);
    // A plan's or a party's content, announced as "the following …".
    let following = "The Water Plan includes the following lines of action:\n\n- Repair the old mains\n- Expand metering in the cities";
    assert_eq!(
        pledges(following),
        [
            (
                "Repair the old mains".to_string(),
                vec!["Water Plan".to_string()]
            ),
            (
                "Expand metering in the cities".to_string(),
                vec!["Water Plan".to_string()]
            ),
        ]
    );
    // Participial items: the means by which the lead-in's subject acts.
    let by = "The Ministers advanced their shared agenda by:\n\n- Launching a joint fund for ports.\n- Committing to meet every year.";
    assert_eq!(
        pledges(by),
        [
            (
                "Launching a joint fund for ports.".to_string(),
                vec!["Ministers".to_string()]
            ),
            (
                "Committing to meet every year.".to_string(),
                vec!["Ministers".to_string()]
            ),
        ]
    );
    // Reports of the past and requests to others carry no pledge.
    for text in [
        "Since January, we have taken the following steps:\n\n- Opened two clinics\n- Hired forty nurses",
        "The Assembly calls on its members to:\n\n- ratify the treaty\n- report every year",
        "The Board invites the Agency to:\n\n(a) present a report on costs;",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
}
#[test]
fn commitment_cues_beyond_will() {
    for (text, actors) in [
        ("Our aim is to halve waiting times by 2030.", vec!["we"]),
        (
            "It is our intention to open the register in the spring.",
            vec!["we"],
        ),
        (
            "We want to build a fairer market for small firms.",
            vec!["we"],
        ),
        ("We are ready to support the talks.", vec!["we"]),
        (
            "The Ministry is announcing £20 million to repair rural schools.",
            vec!["Ministry"],
        ),
        (
            "Today I can announce a new fund for rural buses.",
            vec!["I"],
        ),
        (
            "Chile and Peru announce a joint programme to clear the border of mines.",
            vec!["Chile", "Peru"],
        ),
        (
            "We intend, in line with the treaty, to report every year.",
            vec!["we"],
        ),
        ("We will, however, continue to fund the scheme.", vec!["we"]),
        (
            "We are working closely to restore the ferry service.",
            vec!["we"],
        ),
        ("We are planning to open three new offices.", vec!["we"]),
        (
            "Ministers plan to meet again in the autumn.",
            vec!["Ministers"],
        ),
        (
            "We affirm our shared determination to end the blockade.",
            vec!["we"],
        ),
        (
            "The parties are pledging to cut tariffs, committing to review them yearly.",
            vec!["parties"],
        ),
    ] {
        let found = pledges(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, actors, "{text}");
    }
    for text in [
        "I want to thank the staff of the hospital.",
        "They want to know more about the scheme.",
        "The plan to merge the agencies was dropped.",
        "Our plans for the coast are ambitious.",
        "The minister announced, in May, Norway’s plan to build a new port.",
        "Our aim was to finish last year.",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
}
#[test]
fn forecasts_formulas_performatives_and_past_pledges_are_not_commitments() {
    for text in [
        "Prices will rise this winter.",
        "Insurance premiums in coastal towns will rise whatever we do.",
        "The number of people on the list will not fall overnight.",
        "Demand for gas in our region will roughly double by 2040.",
        "There will be difficult days ahead.",
        "The reform will rely on the work of local councils.",
        "These grants will bolster the reach of the plan.",
        "This appointment will ensure close coordination of the agencies.",
        "It will rely on the know-how of many departments.",
        "On current trends, the target will be missed by some 3,000 homes.",
        "The Met Office projects that rainfall will increase by 10 per cent.",
        "With permission, Mr Speaker, I shall make a statement on the floods.",
        "Leaders will reaffirm their support for the treaty.",
        "Leaders will also affirm that the alliance is strong.",
        "I will not pretend that the job is done.",
        "So let me set out what the Government will do.",
        "When we last met, the ministers agreed to connect the two grids.",
        "Our countries have all committed to reaching net zero.",
        "When the pact was signed in 2019, the three leaders agreed to review it.",
        "“Our country is fully committed to the alliance… we’ll keep our word.”",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
    // What the authors control still pledges: funding, a scheme's schedule, a passive.
    for text in [
        "Funding for the coastguard will double in 2026.",
        "The first call for proposals will open on 15 May.",
        "This programme will facilitate access to training.",
        "I will make a written statement to the House next week.",
    ] {
        assert_eq!(pledged(text).len(), 1, "{text}");
    }
}
#[test]
fn action_list_items_take_the_lead_ins_deadline() {
    let text = "By the end of 2027, the Agency will:\n\n- open four regional offices;\n- publish its accounts by June 2026.";
    let deadlines: Vec<Option<String>> = run(text)
        .commitments
        .into_iter()
        .map(|c| c.deadline.map(|d| d.text))
        .collect();
    // The first item has no deadline of its own; the second keeps its own.
    assert_eq!(
        deadlines,
        [
            Some("By the end of 2027".to_string()),
            Some("by June 2026".to_string())
        ]
    );
    // A lead-in's date that is not a deadline (when it was agreed) is not passed on.
    let agreed = "On 5 May 2025, the Ministers agreed to:\n\n- fund ten new clinics.";
    let c = run(agreed).commitments;
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].deadline, None);
}
#[test]
fn list_items_end_at_their_semicolon_before_and() {
    let text = "The Board will:\n\n(a) publish the audit;\n\n(b) review the fees; and\n\n(c) report to the Assembly.";
    assert_eq!(
        pledged(text),
        [
            "publish the audit;",
            "review the fees;",
            "report to the Assembly."
        ]
    );
}
#[test]
fn purpose_nouns_and_clefts_pledge() {
    for (text, actors) in [
        (
            "We remain united in our determination to lift the siege.",
            vec!["we"],
        ),
        (
            "The two countries remain firm in the commitment to shut the trafficking routes.",
            vec!["two countries"],
        ),
        (
            "That is why I will publish the strategy in June.",
            vec!["I"],
        ),
        ("This is what we will do.", vec!["we"]),
        ("There will also be a review of the fees.", vec![]),
        (
            "We are committed to opening the register to all firms.",
            vec!["we"],
        ),
    ] {
        let found = pledges(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, actors, "{text}");
    }
    // A subject that pledges right before the `-ing` cue of a list item keeps its name.
    let items = "The Leaders made progress on health by:\n\n- Chile and Peru committing to share vaccine doses with the region.";
    assert_eq!(
        pledges(items),
        [(
            "Chile and Peru committing to share vaccine doses with the region.".to_string(),
            vec!["Chile".to_string(), "Peru".to_string()]
        )]
    );
}
#[test]
fn restatements_hedges_effects_and_consequences_are_not_commitments() {
    for text in [
        // A purpose restated or reported, not pledged now.
        "We reaffirm our ambition to raise $5 billion by 2027.",
        "We expressed our determination to end the blockade.",
        // A judgement of a means.
        "Sanctions alone will not end the war.",
        // The consequence of a condition.
        "Costs are high, and if we do not act together, we will pay far more.",
        // A guess.
        "The scheme will probably attract new firms.",
        // A relative clause describing a thing.
        "The Board adopted a charter that will steer the agencies.",
        // Agreement on a forecast.
        "We agreed that further delays will jeopardise the talks.",
        // A state, not readiness to act.
        "The new hospital will be ready to open in May.",
        // A past announcement of someone's plan.
        "The Minister announced, in March, Chile’s plan to build a port.",
        // Earlier pledges.
        "When the review was published, the ministers committed to act.",
        "They pledged two years ago to close the camp.",
        // A quotation continued from an earlier sentence.
        "“Our country is proud of the alliance. We will keep our word.”",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
}
#[test]
fn later_sentences_of_an_item_pledge_only_by_their_own_cue() {
    let text = "We commit to further measures:\n\nFirst, we will cut the tariffs on steel. This will cost importers dearly. We note the report of the panel.\n\nSecond, we will close the ports to their ships.";
    assert_eq!(
        pledged(text),
        [
            "First, we will cut the tariffs on steel.",
            "Second, we will close the ports to their ships."
        ]
    );
}
#[test]
fn schedules_focus_returns_and_actions_through_others() {
    for (text, actors) in [
        ("Initial trials of the vessel are planned for 2026.", vec![]),
        ("The talks are scheduled to resume in May.", vec![]),
        (
            "We are focusing our resources on training nurses.",
            vec!["we"],
        ),
        ("I'll get the team to check the figures for you.", vec!["I"]),
        (
            "I’ll be back here next spring to report on progress.",
            vec!["I"],
        ),
        (
            "We recognise that the task is hard, and we remain committed to finishing it.",
            vec!["we"],
        ),
    ] {
        let found = pledges(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, actors, "{text}");
    }
    for text in [
        "The hearing was planned for May.",
        "Recruitment of specialist staff will take time.",
        "They’ll be back in the market soon.",
        "We recognise that the task is hard and that it will take years.",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
}
#[test]
fn named_plans_and_things_with_capitalised_adjectives_pledge_nothing() {
    for text in [
        // "Plan" in a name is not the verb `plan to`.
        "She urged the agency to draw up a regional Response Plan to mobilise donors.",
        // A capitalised adjective does not make a thing a party.
        "We agreed that further rebel attacks will jeopardise the talks.",
        // What a thing brings about.
        "This decision will create the conditions for lasting calm.",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
    // A Council's capitals are its style, not a name.
    assert_eq!(
        pledges("The Council COMMITS to reviewing the rules."),
        [(
            "The Council COMMITS to reviewing the rules.".to_string(),
            vec!["Council".to_string()]
        )]
    );
}
#[test]
fn announcements_in_the_progressive_take_any_object() {
    for (text, actors) in [
        (
            "Today, the Agency is releasing the new water strategy.",
            vec!["Agency"],
        ),
        (
            "The Commission is proposing a facility for industrial water.",
            vec!["Commission"],
        ),
    ] {
        assert_eq!(
            pledges(text),
            [(
                text.to_string(),
                actors.iter().map(|a| a.to_string()).collect()
            )]
        );
    }
    assert_eq!(
        pledged("The Commission is providing for exceptions."),
        Vec::<String>::new()
    );
}
#[test]
fn an_adverbial_lead_in_continues_the_pledges_before_it() {
    let text = "The partnership will address short and long term gaps.\n\nIn the short term:\n\n- Identify new sources of grain.\n- Opened two new ports last year.";
    assert_eq!(
        pledges(text),
        [
            (
                "The partnership will address short and long term gaps.".to_string(),
                vec!["partnership".to_string()]
            ),
            (
                "Identify new sources of grain.".to_string(),
                vec!["partnership".to_string()]
            ),
        ]
    );
    // A signature block is not an adverbial lead-in.
    assert_eq!(
        pledged("We will sign the memorandum.\n\nFor the Ministry of Health:\n\n- Chief Executive"),
        ["We will sign the memorandum."]
    );
}
#[test]
fn what_happens_to_things_and_what_they_provide_are_not_pledges() {
    for text in [
        "A raid on one port is a raid on all ports, so it will be met with a joint reply.",
        "Our cooperation won’t be confined to trade.",
        "At this pace the target will be missed by some 4,000 hectares.",
        "This revised rule will also provide guidance to the agencies.",
        "Cooperation on research will provide new tools to our forces.",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
    for (text, actors) in [
        // A named agent meets the cost: a pledge.
        (
            "The costs will be met by the Government.",
            vec!["Government"],
        ),
        // A measure provides: the authors pledge what it gives.
        (
            "The new fund will provide grants to small farms.",
            vec!["new fund"],
        ),
        (
            "This programme will provide training for nurses.",
            vec!["programme"],
        ),
    ] {
        let found = pledges(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, actors, "{text}");
    }
}
#[test]
fn an_item_marked_unlike_the_list_ends_the_lead_ins_list() {
    let text = "With this in mind, we will:\n\n- Stay agile in our policy.\n- Unlock new investment.\n\n6. We are gravely worried by the water shortage.\n\n7. We welcome the report of the panel.";
    assert_eq!(
        pledged(text),
        ["Stay agile in our policy.", "Unlock new investment."]
    );
    // A nested list's items do not end the outer one.
    let nested = "The Board will:\n\n- publish the audit, including:\n  (i) the accounts;\n  (ii) the fees;\n- review the rules.";
    assert_eq!(pledged(nested).len(), 4, "{:?}", pledged(nested));
}
#[test]
fn speech_performatives_and_purposes_that_are_not_owned_are_not_pledges() {
    for text in [
        "I would also like to stress the value of investors.",
        "I want to echo the minister’s words of welcome.",
        "Today, I’d like to — well, let me begin with the floods.",
        "We’ll never forget how they helped.",
        "Better roads are critical to achieving our common ambition to link the towns.",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
    assert_eq!(
        pledged("We stress our intention to open the register next year.").len(),
        1
    );
}
#[test]
fn statements_to_parliament_announce_and_steer_their_course() {
    for (text, actors) in [
        (
            "I am today publishing the independent review of the floods.",
            vec!["I"],
        ),
        (
            "We are investing £40 million in new pumping stations.",
            vec!["we"],
        ),
        (
            "The Department is funding ten new flood wardens.",
            vec!["Department"],
        ),
        ("We will begin construction in May.", vec!["we"]),
    ] {
        let found = pledges(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, actors, "{text}");
    }
    for text in [
        "I will now turn to the question of insurance.",
        "I shall conclude by thanking the emergency services.",
        "Funding is available to all councils.",
    ] {
        assert_eq!(pledged(text), Vec::<String>::new(), "{text}");
    }
}
#[test]
fn a_progressive_after_a_perfect_reports_progress() {
    assert_eq!(
        pledged("We have already hired new staff and are investing in better scanners."),
        Vec::<String>::new()
    );
}
#[test]
fn a_purpose_the_parties_share_is_their_pledge() {
    for text in [
        "We share the objective of restoring the river basins.",
        "The two ministers share a commitment to regular consultation on fisheries.",
        "Norway and Iceland share the aim of continuing to protect the cod stocks.",
    ] {
        assert_eq!(pledged(text), [text], "{text}");
    }
    assert_eq!(
        pledges("Norway and Iceland share the aim of continuing to protect the cod stocks.")[0].1,
        ["Norway", "Iceland"]
    );
    // A vision shared, not work: no commitment.
    for text in [
        "We share the goal of a world free of landmines.",
        "They share the commitment of their predecessors.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn the_objective_of_a_body_set_up_is_what_it_will_do() {
    let text = "The objective of this Working Group is to map the fish stocks of the region.";
    assert_eq!(
        pledges(text),
        [(text.to_string(), vec!["Working Group".to_string()])]
    );
    // Not in the head of the sentence, or a report: no commitment.
    for text in [
        "The objective of the talks was to map the fish stocks.",
        "Many argued that the objective of this group is to map the stocks.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn a_pledge_in_the_object_of_a_welcome_is_not_the_welcomers() {
    for text in [
        "The ministers welcomed the announcement that several partners plan to invest €2 billion in ports.",
        "The Prime Minister expressed appreciation for the donors' pledge to provide €5 million for clinics.",
        "The Ministers welcome plans to open a joint fisheries fund by the end of the year.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    // A new predicate after the welcome pledges again.
    for text in [
        "The Council welcomes the report and intends to act on its findings.",
        "We commend the work of the inspectors, and resolve to continue it next year.",
        "We welcome the agreement and will implement it in full.",
    ] {
        assert_eq!(pledged(text), [text], "{text}");
    }
}
#[test]
fn a_lead_in_pointing_back_at_a_pledge_passes_it_to_its_items() {
    let text = "The ministers committed to coordinate action against smuggling. These include:\n\n\
                - Resuming the regional dialogue on border controls.\n\
                - Increasing joint patrols on the coast.\n";
    assert_eq!(
        pledges(text),
        [
            (
                "The ministers committed to coordinate action against smuggling.".to_string(),
                vec!["ministers".to_string()]
            ),
            (
                "Resuming the regional dialogue on border controls.".to_string(),
                vec!["ministers".to_string()]
            ),
            (
                "Increasing joint patrols on the coast.".to_string(),
                vec!["ministers".to_string()]
            ),
        ]
    );
    // After a sentence that pledges nothing, the items are only a description.
    let text = "Smuggling has grown along the coast. These include:\n\n\
                - Increasing use of small boats.\n";
    assert!(pledged(text).is_empty(), "{text}");
}
#[test]
fn establishing_and_preparing_in_the_present_announce_a_measure() {
    for text in [
        "In this framework, we establish a joint working group on grid security.",
        "The two ministries are preparing a set of regional workshops on recycling.",
    ] {
        assert_eq!(pledged(text), [text], "{text}");
    }
    // A finding, or a plan still to be prepared by others, is not.
    for text in [
        "The inspectors establish that the grid is secure.",
        "The agencies are preparing for a difficult winter.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn what_a_thing_will_contribute_or_give_is_an_effect() {
    for text in [
        "These reforms will also contribute to keeping the grid secure.",
        "This will give farmers the information required to plan their harvest.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    // A party contributes; a fund gives grants: pledges.
    for text in [
        "Norway will contribute €20 million to the fund.",
        "The new fund will give grants to small farms.",
    ] {
        assert_eq!(pledged(text), [text], "{text}");
    }
}
#[test]
fn how_a_body_is_made_up_is_not_a_pledge() {
    for text in [
        "The Working Group will be chaired by an official of each ministry.",
        "The board will be composed of nine members.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    let text = "The Working Group will be convened by the Commission in May.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn a_mandate_given_to_the_parties_own_people_is_a_pledge() {
    let text = "The two Premiers have charged their staff with speeding up talks on energy.";
    assert_eq!(
        pledges(text),
        [(text.to_string(), vec!["two Premiers".to_string()])]
    );
    let text = "The leaders tasked their ministers to report back by June.";
    assert_eq!(pledged(text), [text]);
    // A mandate of an earlier time, or a charge in court, is not.
    for text in [
        "Two years ago the leaders tasked their ministers to report on fisheries.",
        "The suspect was charged with smuggling.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn what_planned_work_will_include_is_pledged() {
    for text in [
        "Working Group priorities for 2024 will include: 1) a survey of the ports, and 2) joint inspections.",
        "Participation will include ministers from the three countries.",
    ] {
        assert_eq!(pledged(text), [text], "{text}");
    }
    // What a word or a benefit covers is not.
    for text in [
        "The term shall include any vessel under a national flag.",
        "The benefits will include lower prices.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn a_relative_clause_pointing_to_a_nested_list_passes_its_body_to_the_items() {
    let text = "4.  **This month the Board met to adopt the Charter of this Board, which will focus on the\n    \
                following two work strands:**\n    \
                1.  Map regional fish stocks:\n        \
                1.  The Board intends to publish the survey.\n    \
                2.  Coordinate inspections at sea:\n        \
                1.  The Board intends to share the reports.\n";
    let found = pledges(text);
    let items: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        items,
        [
            "Map regional fish stocks:",
            "The Board intends to publish the survey.",
            "Coordinate inspections at sea:",
            "The Board intends to share the reports.",
        ]
    );
    assert!(found.iter().all(|(_, a)| a == &["Board"]), "{found:?}");
}
#[test]
fn a_joint_commitment_renewed_now_to_an_action_pledges() {
    let text = "They also reiterate a joint commitment to update the fisheries pact.";
    assert_eq!(
        pledges(text),
        [(text.to_string(), vec!["they".to_string()])]
    );
    // Renewed in the past, an ambition, a cause, or a plain commitment restated: no.
    for text in [
        "The ministers reaffirmed their shared commitment to modernize the agreement.",
        "We reaffirm our joint ambition to modernize the agreement.",
        "They reaffirm their joint commitment to calm in the region.",
        "They reaffirm their shared commitment to meeting the aims of the pact.",
        "We reaffirm our commitment to closer ties.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn an_unnamed_share_of_a_group_is_forecast_not_pledged() {
    for text in [
        "Some ports will close whatever the ministry decides.",
        "At this rate, most of our members will miss the deadline.",
        "Many families will struggle this winter.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    // A named party, or "some" inside the object, pledges.
    for text in [
        "The ports authority will close two terminals.",
        "We will support some of the poorest regions.",
    ] {
        assert_eq!(pledged(text), [text], "{text}");
    }
}
#[test]
fn conditions_easing_or_improving_are_forecasts() {
    for text in [
        "The pressures will not ease on their own.",
        "Conditions will improve in the spring.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    let text = "The Government will ease the rules on planning.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn a_pledge_told_after_an_earlier_dated_event_is_a_report() {
    let doc = |body: &str| format!("Joint statement\n\nLisbon, 20 July 2023\n\n{body}\n");
    // The event opens the sentence before, months before the issue.
    let text = doc(
        "At the Ocean Summit on 9 March 2023, the ministers met in Oslo. \
         The ministers committed to expand the marine reserves.",
    );
    assert!(pledged(&text).is_empty(), "{text}");
    let text = doc("In March 2023, the ministers pledged to expand the marine reserves.");
    assert!(pledged(&text).is_empty(), "{text}");
    // An event of the issue's own month, a reference, or a baseline: the pledge stands.
    for body in [
        "At the Ocean Summit on 19 July 2023, the ministers met in Lisbon. The ministers committed to expand the marine reserves.",
        "Building on the meeting of 9 March 2023, the ministers met again. The ministers committed to expand the marine reserves.",
        "The ministers committed to cut emissions from ports by half against 2019 levels.",
    ] {
        let text = doc(body);
        let found = pledged(&text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].starts_with("The ministers committed"), "{found:?}");
    }
}
#[test]
fn a_cited_headline_in_title_case_announces_nothing() {
    let text = "Related releases:\n\n\
                - [Minister Launches Coastal Fund for Fishing Towns (9 May 2022)](https://example.org/release)\n";
    assert!(pledged(text).is_empty(), "{text}");
    let text = "Today the Minister launches a coastal fund for fishing towns.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn an_intention_or_commitment_renewed_now_to_an_action_pledges() {
    for (text, who) in [
        (
            "We reaffirm our intention to retire the old coal fleet.",
            "we",
        ),
        (
            "We reiterate our commitment to reach carbon neutrality by 2045.",
            "we",
        ),
        (
            "We thank the panel for its report, reiterate our intention to hold the forum again next year.",
            "we",
        ),
        (
            "The ministers reiterate their commitment to open the archives.",
            "ministers",
        ),
    ] {
        assert_eq!(
            pledges(text),
            [(text.to_string(), vec![who.to_string()])],
            "{text}"
        );
    }
    // A past meeting's purpose, a state to reach, an ambition, a restatement in the past.
    for text in [
        "The two ministers met in Oslo to reaffirm their commitment to deeper trade ties.",
        "We reaffirm our commitment to closer ties with the region.",
        "We reaffirm our ambition to retire the old coal fleet.",
        "We reaffirmed our intention to retire the old coal fleet.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn what_a_named_measure_will_do_is_its_outcome_not_a_pledge() {
    for text in [
        "This will reinforce the isolation of the regime.",
        "This will enhance the predictability of supply.",
        "This new portal will significantly reduce queues at the border.",
        "This new grant will help towns in the valley rebuild their bridges.",
        "These steps will help ease the pressure on the courts.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    // A bare `It` may stand for the party that acts.
    let text = "It will also help the port hire more inspectors.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn a_government_body_stepping_up_a_measure_announces_it() {
    for (text, who) in [
        (
            "The Administration is surging inspectors to the northern ports.",
            vec!["Administration"],
        ),
        (
            "FEMA and USDA are expanding their field offices in the valley.",
            vec!["FEMA", "USDA"],
        ),
        (
            "The agency is also hiring and deploying extra rangers.",
            vec!["agency"],
        ),
        (
            "The Department of Transport is significantly scaling up its rail inspections.",
            vec!["Department of Transport"],
        ),
        (
            "With our allies, we are stepping up our campaign against fraud.",
            vec!["we"],
        ),
    ] {
        let who: Vec<String> = who.into_iter().map(String::from).collect();
        assert_eq!(pledges(text), [(text.to_string(), who)], "{text}");
    }
    // A trend of anything else, or a body already done with it.
    for text in [
        "Food prices are increasing across the region.",
        "The rebels are expanding their attacks in the north.",
        "Russia is surging troops to the border.",
        "The ministry has already hired staff and is expanding its offices.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn a_refusal_to_recognise_is_pledged_but_a_preamble_is_not() {
    let text = "We will never recognise the annexation of the islands.";
    assert_eq!(pledges(text), [(text.to_string(), vec!["we".to_string()])]);
    assert!(pledged("We will recognise the courage of the rescuers.").is_empty());
}
#[test]
fn how_others_will_see_a_failure_is_not_a_pledge() {
    for text in [
        "Failure to open the ports will be seen as a hostile act.",
        "Any delay will be regarded as a breach of the truce.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
}
#[test]
fn an_event_as_subject_tells_what_happens_there() {
    for text in [
        "The Summit will provide a chance to review the alliance's posture.",
        "This meeting will bring together ministers from twelve countries.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    let text = "The Council will provide a report on the summit.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn what_others_are_to_do_in_a_wish_or_demand_is_not_our_pledge() {
    for text in [
        "We are determined that the regime will answer for these crimes.",
        "We hope the parties will sign the accord this year.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    let text = "We are determined that we will finish the line by 2030.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn a_known_event_told_in_passing_and_the_addressee_s_lot_are_not_pledges() {
    for text in [
        "There will be the meeting on rivers in the autumn.",
        "At the talks in Geneva, you will be represented by your envoy.",
        "I shan't speak longer.",
        "I will not detain the House for long.",
    ] {
        assert!(pledged(text).is_empty(), "{text}");
    }
    let text = "There will be a new fund for river towns.";
    assert_eq!(pledged(text), [text]);
}
#[test]
fn an_emphatic_wish_of_the_authors_pledges_like_want() {
    let text = "We do wish to build a fairer trading order.";
    assert_eq!(pledges(text), [(text.to_string(), vec!["we".to_string()])]);
    assert!(pledged("We wish to thank our hosts.").is_empty());
}
#[test]
fn a_negated_contraction_is_not_its_own_subject() {
    let text = "We won't stop the inspections until the mines are cleared.";
    assert_eq!(pledges(text), [(text.to_string(), vec!["we".to_string()])]);
}
#[test]
fn a_spoken_aside_between_dashes_does_not_hide_the_verb() {
    let text = "We will not — and I mean this — abandon the valley.";
    assert_eq!(pledges(text), [(text.to_string(), vec!["we".to_string()])]);
}
#[test]
fn a_year_after_no_later_than_is_a_year_but_after_more_than_a_count() {
    one(
        dates("The partners will close the coal plants no later than 2040."),
        "no later than 2040",
        json!({"date": "2040"}),
    );
    assert_eq!(
        dates("The agency employs more than 2050 inspectors."),
        vec![]
    );
}
#[test]
fn by_years_end_is_the_year_of_issue() {
    let issued = "Lyon, 8 June 2024\n\n";
    let found = dates(&format!(
        "{issued}The new tram line will open by year’s end. The review will close by the \
         year-end."
    ));
    assert_eq!(
        date_of(&found, "by year’s end"),
        Some(json!({"date": "2024"}))
    );
    assert_eq!(
        date_of(&found, "by the year-end"),
        Some(json!({"date": "2024"}))
    );
    assert_eq!(found.len(), 3, "{found:?}");
    // Without a date of issue the year is unknown: no date.
    assert_eq!(dates("The tram line will open by year’s end."), vec![]);
}
#[test]
fn consecutive_fiscal_years_are_one_interval() {
    one(
        dates("The agency will admit up to 9,000 students during Fiscal Years 2025\nand 2026."),
        "Fiscal Years 2025\nand 2026",
        json!({"date": "2024-10/2026-09"}),
    );
    let found = dates("The department will spend £3 million over financial years 2024 to 2026.");
    assert_eq!(
        date_of(&found, "financial years 2024 to 2026"),
        Some(json!({"date": "2024-04/2027-03"}))
    );
}
#[test]
fn as_many_as_and_exceeding_bound_a_figure() {
    one(
        figures("As many as 240 vessels joined the patrol."),
        "As many as 240",
        json!({"count": 240, "max": 240}),
    );
    one(
        figures("The partners pledged as much as €2 billion."),
        "as much as €2 billion",
        json!({"amount": 2_000_000_000, "currency": "EUR", "max": 2_000_000_000}),
    );
    // A hard-wrapped line may fall between the bound and its number.
    one(
        figures("Donors have given support exceeding\n    USD 31 billion so far."),
        "exceeding\n    USD 31 billion",
        json!({"amount": 31_000_000_000u64, "currency": "USD", "min": 31_000_000_000u64}),
    );
    // `as` alone is no bound.
    one(
        figures("She spoke as 12 delegates left."),
        "12",
        json!({"count": 12}),
    );
}
#[test]
fn a_spoken_false_start_keeps_only_the_figure_said_in_full() {
    one(
        figures("The union has provided 64 billion — $64 billion in aid."),
        "$64 billion",
        json!({"amount": 64_000_000_000u64, "currency": "USD"}),
    );
    // Two different numbers on either side of a dash are both figures.
    assert_eq!(
        figures("It sent 30 billion — $40 billion in aid.").len(),
        2,
        "different numbers are no false start"
    );
}
#[test]
fn full_and_half_turns_in_degrees_are_figures_of_speech() {
    assert_eq!(
        figures("The alliance takes a 360-degree view of threats and a 180-degree turn on aid."),
        vec![]
    );
    one(
        figures("The drone turned through 45 degrees."),
        "45",
        json!({"count": 45}),
    );
}
#[test]
fn a_year_inside_a_programme_name_is_neither_date_nor_count() {
    assert_eq!(
        run("Ministers endorse the Alliance 2040 agenda and fund the Horizon 2020 grants.")
            .figures
            .len()
            + dates("Ministers endorse the Alliance 2040 agenda and fund the Horizon 2020 grants.")
                .len(),
        0
    );
    // A capitalised first word of a sentence is no name: the year stays a year.
    one(
        dates("During 2027, the agency grew."),
        "2027",
        json!({"date": "2027"}),
    );
    let found = dates("The 2026 review was read in Geneva in 2025.");
    assert_eq!(found.len(), 2, "{found:?}");
}
#[test]
fn a_year_after_until_at_least_is_a_year() {
    one(
        dates("The contracts secure supplies until at least 2035."),
        "2035",
        json!({"date": "2035"}),
    );
    // Without a preposition of time, `at least` bounds a count.
    assert_eq!(dates("The port hired at least 2035 workers."), vec![]);
}
