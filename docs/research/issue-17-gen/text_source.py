# Invented text for cordiale's conversion fixtures (all wording is our own).
# The same declaration is rendered as PDF, HTML and DOCX so a test can compare
# the items each format yields.
import random

TITLE = "Joint Declaration on North Sea Coastal Resilience"
DATE_ISO = "2024-03-14"
DATE_TEXT = "14 March 2024"
PLACE_LINE = "Esbjerg, 14 March 2024"

PARAS = [
    "The ministers responsible for coastal protection in Denmark, the Netherlands and Belgium met in Esbjerg on 14 March 2024 to review the flood defences of the southern North Sea.",
    "Since 2019 the three governments have reinforced 240 kilometres of dikes and dunes, and the number of households exposed to a one-in-a-hundred-year flood has fallen by 18%.",
    "We will establish a joint coastal monitoring office in Ostend by the end of 2025, with a budget of €45 million over five years.",
    "The partners shall publish a common sediment management plan by June 2026 and will review its effects every two years.",
    "Each government will fund at least 30 field officers for the shared early-warning network, and the Netherlands will contribute a further €12.5 million to its satellite component.",
    "The ministers noted that the efficient, officially certified flood maps prepared in 2023 have been adopted by 14 municipalities.",
    "The parties agreed to open the monitoring data to researchers and to the public free of charge from 1 January 2027.",
    "This declaration will be reviewed at the next ministerial meeting, to be held in Middelburg in spring 2027.",
]

LIST_ITEMS = [
    "Strengthen the Wadden Sea dune belt (€8 million).",
    "Train 120 volunteers for flood-watch duties by 2026.",
    "Share storm-surge forecasts within 15 minutes of their issue.",
]

# Long words that the PDF generator hyphenates across line ends.
HYPHEN_WORDS = ["international", "infrastructure", "responsibilities", "implementation",
                "environmental", "administrations", "coordination", "transboundary"]

_SUBJ = ["The partners", "The ministers", "Each government", "The joint office", "The secretariat",
         "The regional administrations", "The working group", "The three governments"]
_VERB = ["will publish", "shall report on", "agreed to finance", "will review", "have assessed",
         "will coordinate", "noted the progress of", "will strengthen"]
_OBJ = ["the transboundary implementation of the flood directive",
        "environmental infrastructure along the coast",
        "international coordination of storm-surge warnings",
        "the responsibilities of the coastal administrations",
        "a programme of €{m} million for dune restoration",
        "the training of {n} field officers",
        "the financial flows of the fisheries fund",
        "the official figures of the efficient flood maps"]
_WHEN = ["by the end of {y}", "in {mo} {y}", "before {d} {mo} {y}", "every two years", "", ""]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September",
           "October", "November", "December"]


def long_paragraphs(n, seed=17):
    """n invented paragraphs of 3-6 sentences each, deterministic."""
    r = random.Random(seed)
    out = []
    for _ in range(n):
        sents = []
        for _ in range(r.randint(3, 6)):
            obj = r.choice(_OBJ).format(m=r.randint(2, 90), n=r.randint(10, 400))
            when = r.choice(_WHEN).format(y=r.randint(2024, 2031), mo=r.choice(_MONTHS),
                                          d=r.randint(1, 28))
            s = f"{r.choice(_SUBJ)} {r.choice(_VERB)} {obj}"
            if when:
                s += " " + when
            sents.append(s + ".")
        out.append(" ".join(sents))
    return out
