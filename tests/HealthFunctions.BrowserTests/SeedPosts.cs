namespace HealthFunctions.BrowserTests;

/// <summary>The posts, authors, images and site settings a reader finds on the test blog, uploaded as an editor would upload them.</summary>
public static class SeedPosts
{
    public const string SiteTitle = "Healthy Living, Explained";
    public const string SiteDescription = "Clear, reviewed articles on treatments, prevention and everyday health.";
    public const string SiteLanguage = "en-GB";

    public const string AuthorSlug = "dr-amira-khan";
    public const string AuthorName = "Dr Amira Khan";
    public const string AuthorCredentials = "MD, consultant anaesthetist";
    public const string ReviewerSlug = "dr-samuel-osei";
    public const string ReviewerName = "Dr Samuel Osei";
    public const string ReviewerCredentials = "MD, FACC, cardiologist";

    /// <summary>Pixel sizes of the seeded images: the ketamine post's cover and its inline illustration, and the author's avatar.</summary>
    public const int CoverWidth = 1200, CoverHeight = 630;
    public const int DripWidth = 640, DripHeight = 400;
    public const int AvatarSize = 240;


    public const string KetamineSlug = "ketamine-iv-infusion-therapy";
    public const string BloodPressureSlug = "understanding-blood-pressure";
    public const string BloodPressureOldSlug = "blood-pressure-basics";
    public const string HostileSlug = "vitamin-d-and-winter-mood";

    /// <summary>Titles newest first, with the date a reader sees.</summary>
    public static readonly (string Title, string Date)[] NewestFirst =
    [
        ("Understanding Your Blood Pressure Numbers", "14 January 2025"),
        ("Ten Habits for Better Sleep", "5 March 2024"),
        ("How Much Water Do You Really Need?", "19 July 2023"),
        ("Ketamine IV Infusion Therapy", "23 November 2022"),
        ("Vitamin D and Winter Mood", "8 February 2021"),
    ];

    public static IReadOnlyDictionary<string, byte[]> Images { get; } = new Dictionary<string, byte[]>
    {
        ["img/infusion-room.png"] = TestImages.Landscape(CoverWidth, CoverHeight),
        ["img/iv-drip.png"] = TestImages.Drip(DripWidth, DripHeight),
        [$"authors/{AuthorSlug}.png"] = TestImages.Avatar(AvatarSize, new SkiaSharp.SKColor(15, 118, 110)),
    };

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["site.yaml"] = $"""
            title: {SiteTitle}
            description: {SiteDescription}
            aboutMe: |
              Hi, I'm **Amira**. I explain treatments in plain words, with the evidence behind them,
              so that you can have better conversations with your own doctor.

              Nothing here replaces a consultation: if a symptom worries you, ring your GP or the
              NHS 111 line. Every article is reviewed by a second clinician, and the review date is
              shown under the title so that you can tell how fresh the advice is. Write to me if you
              spot something out of date.
            language: {SiteLanguage}
            defaultAuthor: {AuthorSlug}
            """,
        [$"authors/{AuthorSlug}.md"] = $"""
            ---
            name: {AuthorName}
            credentials: {AuthorCredentials}
            avatar: {AuthorSlug}.png
            links:
              - title: Clinic profile
                url: https://clinic.example.org/staff/amira-khan
            ---
            Amira is an anaesthetist who has run a ketamine infusion service for adults with hard-to-treat
            depression since 2019. She writes about **what treatments feel like from the patient's chair**.
            """,
        [$"authors/{ReviewerSlug}.md"] = $"""
            ---
            name: {ReviewerName}
            credentials: {ReviewerCredentials}
            ---
            Samuel is a consultant cardiologist who reviews the blog's articles for accuracy.
            """,
        ["2022-11-23-ketamine-iv-infusion-therapy.md"] = $"""
            ---
            title: "Ketamine IV Infusion Therapy"
            date: 2022-11-23
            author: {AuthorSlug}
            reviewedBy: {ReviewerSlug}
            lastReviewed: 2024-06-02
            image: img/infusion-room.png
            imageAlt: Green hills under a pale sky, seen from a quiet clinic room
            tags: [mental health, ketamine]
            description: What happens during a ketamine infusion and who it may help.
            references:
              - title: Ketamine for treatment-resistant depression
                url: https://example.org/ketamine-review
            ---

            Ketamine infusions are given slowly through a vein while a clinician watches blood pressure and breathing.

            ## What the treatment involves

            A course is usually six sessions over two or three weeks. Each session lasts about forty minutes, and most people rest for an hour afterwards before someone drives them home.

            ![A drip bag hanging from a stand, its line running down](img/iv-drip.png)

            ## Who it may help

            Doctors consider it when depression has not improved after two or more antidepressants. It is not a first treatment, and it is not right for everyone.
            """,
        ["sleep-habits.md"] = """
            ---
            title: "Ten Habits for Better Sleep"
            date: 2024-03-05
            tags: [sleep, healthy living]
            ---

            Most adults need seven to nine hours of sleep a night. Going to bed and getting up at the same time every day, even at weekends, is the habit that helps most people the most.

            Keep the bedroom cool, dark and quiet, and put screens away an hour before bed.
            """,
        ["blood-pressure.md"] = """
            ---
            title: "Understanding Your Blood Pressure Numbers"
            date: 2025-01-14
            slug: understanding-blood-pressure
            aliases: [blood-pressure-basics]
            tags: [heart health]
            ---

            A blood pressure reading has two numbers. The first, systolic, is the pressure when the heart beats; the second, diastolic, is the pressure between beats.
            """,
        ["hydration.md"] = """
            ---
            title: "How Much Water Do You Really Need?"
            date: 2023-07-19
            tags: [healthy living]
            ---

            There is no single number that suits everyone. Thirst is a good guide for most healthy adults, and pale yellow urine is a sign that you are drinking enough.
            """,
        ["vitamin-d.md"] = """
            ---
            title: "Vitamin D and Winter Mood"
            date: 2021-02-08
            slug: vitamin-d-and-winter-mood
            tags: [mental health]
            ---

            Vitamin D is made in the skin when sunlight reaches it.

            <img src="x" onerror="window.__xss=1" alt="sunlight">

            <script>window.__xss=2</script>

            [Read the study](javascript:window.__xss=3)

            <a href="#" onclick="window.__xss=4">Tap here</a>

            <iframe src="javascript:parent.__xss=5"></iframe>

            In winter, many people in northern countries get too little of it.
            """,
        ["unfinished.md"] = """
            ---
            title: "An Unfinished Draft"
            date: 2024-06-01
            draft: true
            ---

            Not ready yet.
            """,
    };
}
