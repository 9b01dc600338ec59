using SkiaSharp;

namespace HealthFunctions.Testing;

/// <summary>
/// Real image files made on the spot: plain PNG and JPEG files of a given size, and PNG drawings
/// (a cover, an illustration, an avatar) that look like something in screenshots.
/// </summary>
public static class TestImages
{
    private static readonly SKColor Teal = new(15, 118, 110);
    private static readonly SKColor Mint = new(204, 251, 241);
    private static readonly SKColor Cream = new(247, 250, 249);

    /// <summary>A PNG of one flat colour.</summary>
    public static byte[] Png(int width, int height) => Draw(width, height, SKEncodedImageFormat.Png, Flat);

    /// <summary>A JPEG of one flat colour.</summary>
    public static byte[] Jpeg(int width, int height) => Draw(width, height, SKEncodedImageFormat.Jpeg, Flat);

    /// <summary>A calm landscape: sky gradient, sun, two hills.</summary>
    public static byte[] Landscape(int width, int height) => Draw(width, height, SKEncodedImageFormat.Png, canvas =>
    {
        using var sky = new SKPaint { IsAntialias = true };
        sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(153, 246, 228), Cream], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, sky);

        using var sun = new SKPaint { IsAntialias = true, Color = new SKColor(253, 230, 138) };
        canvas.DrawCircle(width * 0.78f, height * 0.3f, height * 0.14f, sun);

        Hill(canvas, width, height, 0.62f, new SKColor(94, 186, 170));
        Hill(canvas, width, height, 0.74f, Teal);
    });

    /// <summary>A drip bag on a stand with its line: a post's inline illustration.</summary>
    public static byte[] Drip(int width, int height) => Draw(width, height, SKEncodedImageFormat.Png, canvas =>
    {
        canvas.Clear(Mint);
        var bagWidth = width * 0.22f;
        var bagHeight = height * 0.42f;
        var left = (width - bagWidth) / 2;
        var top = height * 0.12f;
        using var stand = new SKPaint { IsAntialias = true, Color = new SKColor(82, 98, 93), StrokeWidth = width * 0.01f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(width / 2f, height * 0.05f, width / 2f, top, stand);
        using var bag = new SKPaint { IsAntialias = true, Color = SKColors.White };
        canvas.DrawRoundRect(left, top, bagWidth, bagHeight, bagWidth * 0.2f, bagWidth * 0.2f, bag);
        using var fluid = new SKPaint { IsAntialias = true, Color = new SKColor(45, 212, 191) };
        canvas.DrawRoundRect(left + bagWidth * 0.1f, top + bagHeight * 0.35f, bagWidth * 0.8f, bagHeight * 0.55f, bagWidth * 0.12f, bagWidth * 0.12f, fluid);
        using var line = new SKPaint { IsAntialias = true, Color = Teal, StrokeWidth = width * 0.006f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(width / 2f, top + bagHeight, width / 2f, height * 0.9f, line);
        using var drop = new SKPaint { IsAntialias = true, Color = Teal };
        canvas.DrawCircle(width / 2f, height * 0.72f, width * 0.018f, drop);
    });

    /// <summary>Head and shoulders on a soft background, the shirt in <paramref name="shirt"/>: an author's avatar.</summary>
    public static byte[] Avatar(int size, SKColor shirt) => Draw(size, size, SKEncodedImageFormat.Png, canvas =>
    {
        using var background = new SKPaint { IsAntialias = true };
        background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(size, size), [Mint, new SKColor(153, 246, 228)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, size, size, background);
        using var body = new SKPaint { IsAntialias = true, Color = shirt };
        canvas.DrawOval(size * 0.5f, size * 0.98f, size * 0.34f, size * 0.28f, body);
        using var skin = new SKPaint { IsAntialias = true, Color = new SKColor(166, 112, 80) };
        canvas.DrawCircle(size * 0.5f, size * 0.42f, size * 0.18f, skin);
        using var hair = new SKPaint { IsAntialias = true, Color = new SKColor(40, 30, 28) };
        canvas.DrawArc(new SKRect(size * 0.31f, size * 0.22f, size * 0.69f, size * 0.56f), 180, 180, true, hair);
    });

    private static void Flat(SKCanvas canvas) => canvas.Clear(new SKColor(40, 140, 150));

    private static void Hill(SKCanvas canvas, int width, int height, float level, SKColor color)
    {
        using var path = new SKPath();
        path.MoveTo(0, height * level);
        path.QuadTo(width * 0.3f, height * (level - 0.18f), width * 0.6f, height * level);
        path.QuadTo(width * 0.85f, height * (level + 0.12f), width, height * (level - 0.05f));
        path.LineTo(width, height);
        path.LineTo(0, height);
        path.Close();
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawPath(path, paint);
    }

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
