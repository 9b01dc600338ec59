namespace HealthFunctions.Benchmarks.Corpus;

/// <summary>The words and names the generated posts are made of: a health blog's everyday language.</summary>
internal static class Vocabulary
{
    public static readonly string[] Topics =
    [
        "Sleep", "Blood pressure", "Type 2 diabetes", "Migraine", "Vitamin D", "Iron deficiency", "Asthma",
        "Back pain", "Cholesterol", "Hay fever", "Anxiety", "Running injuries", "Gut health", "Menopause",
        "Childhood vaccines", "Skin cancer", "Hydration", "Heart rhythm", "Knee arthritis", "Thyroid health",
        "Strength training", "Pregnancy nutrition", "Food allergies", "Kidney stones", "Eye strain",
    ];

    public static readonly string[] TitleShapes =
    [
        "{0}: what the evidence says",
        "Ten questions about {0}, answered",
        "{0} in older adults",
        "A practical guide to {0}",
        "Myths and facts about {0}",
        "{0} and exercise: a review",
        "When to see a doctor about {0}",
        "Living well with {0}",
    ];

    public static readonly string[] Words =
    [
        "the", "a", "and", "of", "to", "in", "is", "for", "with", "that", "on", "as", "are", "be", "or", "by",
        "patients", "doctor", "nurse", "clinic", "symptoms", "treatment", "dose", "daily", "weekly", "risk",
        "study", "trial", "evidence", "review", "placebo", "outcome", "blood", "pressure", "heart", "lungs",
        "liver", "kidney", "brain", "muscle", "bone", "joint", "skin", "sleep", "diet", "protein", "fibre",
        "sugar", "salt", "water", "vitamin", "mineral", "iron", "calcium", "exercise", "walking", "stretching",
        "stress", "anxiety", "mood", "energy", "fatigue", "inflammation", "infection", "vaccine", "immune",
        "allergy", "pain", "relief", "recovery", "therapy", "medication", "tablet", "side", "effects", "adults",
        "children", "older", "people", "women", "men", "pregnancy", "weight", "waist", "glucose", "insulin",
        "cholesterol", "screening", "test", "result", "measure", "reading", "normal", "high", "low", "chronic",
        "acute", "mild", "severe", "common", "rare", "early", "signs", "habits", "routine", "morning", "evening",
        "week", "month", "year", "guidance", "advice", "helps", "reduces", "raises", "improves", "supports",
        "prevents", "causes", "linked", "associated", "lower", "higher", "better", "worse", "often", "usually",
        "may", "can", "should", "might", "rarely", "simple", "small", "changes", "benefit", "harm", "safe",
        "unsafe", "careful", "regular", "balanced", "healthy", "active", "rest", "breathing", "hydration",
        "caffeine", "alcohol", "smoking", "quitting", "support", "family", "community", "pharmacist", "GP",
        "HbA1c", "LDL", "BMI", "meta-analysis", "cohort", "randomised", "double-blind", "follow-up", "don't",
        "it's", "3.5", "mmol/L", "mg", "150", "minutes", "per", "day", "over", "under", "between", "about",
    ];

    public static readonly string[] Authors =
    [
        "Dr. Amina Yusuf", "Dr. Jonas Becker", "Priya Raman, RN", "Dr. Lucía Fernández", "Tom O'Neill",
        "Dr. Chen Wei", "Sara Lindqvist, RD", "Dr. Kwame Mensah",
    ];

    public static readonly string[] Tags =
    [
        "sleep", "heart-health", "nutrition", "diabetes", "mental-health", "fitness", "allergies", "women's health",
        "children", "ageing", "prevention", "skin", "vaccines", "pain", "research", "lifestyle",
    ];

    public static readonly string[] Categories = ["Conditions", "Nutrition", "Fitness", "Mind", "Family", "Research"];

    public static readonly string[] Sites =
    [
        "https://www.nhs.uk/conditions/", "https://www.who.int/news-room/fact-sheets/detail/",
        "https://pubmed.ncbi.nlm.nih.gov/", "https://www.cdc.gov/", "https://medlineplus.gov/",
        "https://www.cochranelibrary.com/cdsr/doi/",
    ];

    public static readonly string[] Abbreviations = ["BMI", "LDL", "HbA1c", "NSAID", "SPF", "REM"];

    public static readonly string[] Languages = ["yaml", "json", "bash", "python", "text"];
}
