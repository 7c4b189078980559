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
        "These partnerships will bolster the impact of the plan.",
        "This appointment will ensure close coordination of the agencies.",
        "It will rely on the expertise of many departments.",
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
            "We are united in our determination to end the blockade.",
            vec!["we"],
        ),
        (
            "The two countries stand firm in the commitment to close the smuggling routes.",
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
        "The Board adopted a framework that will guide the agencies.",
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
            "We are focusing our efforts on training nurses.",
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
        "We agreed that continued Iranian advances will jeopardise the talks.",
        // What a thing brings about.
        "This announcement will create the conditions for lasting calm.",
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
    let text = "The partnership will address short and long term needs.\n\nIn the short term:\n\n- Identify new sources of grain.\n- Opened two new ports last year.";
    assert_eq!(
        pledges(text),
        [
            (
                "The partnership will address short and long term needs.".to_string(),
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
        "An attack on one is an attack on all and will be met with a collective response.",
        "Our cooperation won’t be confined to trade.",
        "At this pace the target will be missed by some 4,000 hectares.",
        "This updated policy will also provide guidance to the agencies.",
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
    let text = "With this in mind, we will:\n\n- Stay agile in our policy.\n- Unlock new investment.\n\n6. We are deeply concerned by the food crisis.\n\n7. We welcome the report of the panel.";
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
        "I would also like to signal the importance of investors.",
        "I want to echo the minister’s words of welcome.",
        "Today, I’d like to — well, let me begin with the floods.",
        "We’ll never forget what they did.",
        "Wider testing is critical to achieving our collective ambition to end the disease.",
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
