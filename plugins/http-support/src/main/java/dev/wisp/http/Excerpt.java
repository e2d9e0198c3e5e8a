package dev.wisp.http;

/** A short, plain-text view of an answer's body for messages: markup stripped, whitespace collapsed, cut short. */
public final class Excerpt {
    /** The longest excerpt, in characters. */
    public static final int MAX = 200;

    private Excerpt() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String plain = text.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ").strip();
        return plain.length() <= MAX ? plain : plain.substring(0, MAX) + "...";
    }
}
