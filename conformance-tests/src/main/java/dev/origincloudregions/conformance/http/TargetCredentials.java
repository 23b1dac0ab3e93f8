package dev.origincloudregions.conformance.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target's credentials (A1): an API token sent as {@code Authorization: Bearer}, or an email and key sent as
 * {@code X-Auth-Email} and {@code X-Auth-Key}.
 *
 * <p>Secrets never enter a recorded exchange: requests are built with placeholders ({@link Placeholder}, such as
 * {@code <token minus its last character>}) that are resolved only on the wire, so every report, case file and
 * {@code curl} shows the placeholder. {@link #scrub} is the last line of defence for text that came back from the
 * target: it removes the secret, any 8-character piece of it, and its Base64, URL and hex encodings.
 */
public final class TargetCredentials {
  static final String TOKEN_VAR = "CLOUDFLARE_API_TOKEN";
  static final String KEY_VAR = "CLOUDFLARE_API_KEY";
  static final String EMAIL_VAR = "CLOUDFLARE_EMAIL";

  /** Shorter secrets occur by chance in any text, so they are not searched for (A3) or replaced inside text. */
  public static final int SEARCHABLE_LENGTH = 8;

  /** A secret, or a value derived from one, as it appears in recorded requests; resolved only when sent. */
  public enum Placeholder {
    TOKEN("<token>", TOKEN_VAR, "${" + TOKEN_VAR + "}"),
    TOKEN_MINUS_LAST("<token minus its last character>", TOKEN_VAR, "${" + TOKEN_VAR + "%?}"),
    TOKEN_PLUS_X("<token with an x appended>", TOKEN_VAR, "${" + TOKEN_VAR + "}x"),
    TOKEN_BASIC("<Base64 of conformance:<token>>", TOKEN_VAR,
        "$(printf 'conformance:%s' \"$" + TOKEN_VAR + "\" | base64 | tr -d '\\n')"),
    KEY("<key>", KEY_VAR, "${" + KEY_VAR + "}"),
    KEY_MINUS_LAST("<key minus its last character>", KEY_VAR, "${" + KEY_VAR + "%?}"),
    KEY_PLUS_X("<key with an x appended>", KEY_VAR, "${" + KEY_VAR + "}x"),
    KEY_BASIC("<Base64 of conformance:<key>>", KEY_VAR,
        "$(printf 'conformance:%s' \"$" + KEY_VAR + "\" | base64 | tr -d '\\n')"),
    EMAIL("<email>", EMAIL_VAR, "${" + EMAIL_VAR + "}");

    public final String text;
    final String variable;
    final String shell;

    Placeholder(String text, String variable, String shell) {
      this.text = text;
      this.variable = variable;
      this.shell = shell;
    }
  }

  final String token;
  final String email;
  final String key;

  /** What an echo of a secret looks like: its 8-character pieces and its Base64, URL and hex encodings. */
  private final List<String> needles;

  private TargetCredentials(String token, String email, String key) {
    this.token = token;
    this.email = email;
    this.key = key;
    this.needles = needles(token != null ? token : key);
  }

  private static List<String> needles(String secret) {
    List<String> out = new ArrayList<>();
    if (secret == null || secret.length() < SEARCHABLE_LENGTH) {
      return out;
    }
    out.addAll(pieces(secret));
    for (int k = 0; k < 3; k++) {
      String b64 = Base64.getEncoder().withoutPadding().encodeToString(("xx".substring(0, k) + secret)
          .getBytes(StandardCharsets.UTF_8));
      int from = (k * 4 + 2) / 3 + 1;
      if (b64.length() - 4 - from >= SEARCHABLE_LENGTH) {
        out.add(b64.substring(from, b64.length() - 4));
      }
    }
    String url = urlEncoded(secret);
    if (!url.equals(secret)) {
      out.add(url);
    }
    String hex = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
    out.add(hex);
    out.add(hex.toUpperCase(java.util.Locale.ROOT));
    return List.copyOf(out);
  }

  public static TargetCredentials token(String token) {
    return new TargetCredentials(token, null, null);
  }

  public static TargetCredentials emailAndKey(String email, String key) {
    return new TargetCredentials(null, email, key);
  }

  public boolean usesToken() {
    return token != null;
  }

  /** The one secret the target knows: the token, or the key. */
  public String secret() {
    return token != null ? token : key;
  }

  /** The placeholder of the secret, or of a value derived from it. */
  public Placeholder secretAs(String derivation) {
    String base = token != null ? "TOKEN" : "KEY";
    return Placeholder.valueOf(derivation.isEmpty() ? base : base + "_" + derivation);
  }

  /** The credential headers, with placeholders. */
  public List<Map.Entry<String, String>> headers() {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    if (token != null) {
      h.add(Map.entry("Authorization", "Bearer " + Placeholder.TOKEN.text));
    } else {
      h.add(Map.entry("X-Auth-Email", Placeholder.EMAIL.text));
      h.add(Map.entry("X-Auth-Key", Placeholder.KEY.text));
    }
    return h;
  }

  /** A header value with its placeholders replaced by the values they stand for: for the wire only. */
  String resolve(String template) {
    if (template.indexOf('<') < 0) {
      return template;
    }
    String out = template;
    for (Placeholder p : Placeholder.values()) {
      if (out.contains(p.text)) {
        out = out.replace(p.text, value(p));
      }
    }
    return out;
  }

  private String value(Placeholder p) {
    String s = p.variable.equals(TOKEN_VAR) ? token : p.variable.equals(KEY_VAR) ? key : email;
    if (s == null) {
      throw new IllegalStateException(p.text + " is not configured");
    }
    return switch (p) {
      case TOKEN_MINUS_LAST, KEY_MINUS_LAST -> s.substring(0, s.length() - 1);
      case TOKEN_PLUS_X, KEY_PLUS_X -> s + "x";
      case TOKEN_BASIC, KEY_BASIC -> Base64.getEncoder().encodeToString(("conformance:" + s)
          .getBytes(StandardCharsets.UTF_8));
      default -> s;
    };
  }

  public boolean searchable() {
    return secret().length() >= SEARCHABLE_LENGTH;
  }

  // Possessive, so that a long run of such characters is read once, never backtracked into.
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{12,}+={0,2}+");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{16,}+");
  private static final Pattern URL_ENCODED = Pattern.compile("[A-Za-z0-9._~+%-]{8,}+");

  /**
   * The text with every trace of the secrets replaced by a placeholder: the secret itself, any 8-character piece of
   * it, and any Base64, URL or hex encoding of a text that holds such a piece. Also the email.
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets()) {
      String name = s.equals(token) ? "token" : "key";
      out = replaceEncoded(out, BASE64, s, "<Base64 of a text holding the " + name + ">", TargetCredentials::unbase64);
      out = replaceEncoded(out, HEX, s, "<hex of a text holding the " + name + ">", TargetCredentials::unhex);
      out = replaceEncoded(out, URL_ENCODED, s, "<URL-encoded text holding the " + name + ">", TargetCredentials::unurl);
      out = out.replace(s, "<" + name + ">");
      out = replacePieces(out, s, "<part of the " + name + ">");
    }
    if (email != null && email.length() >= SEARCHABLE_LENGTH) {
      out = out.replace(email, Placeholder.EMAIL.text);
    }
    return out;
  }

  /** True when {@code text} holds the secret, a piece of it, or an encoding of either: an echo (A3). */
  public boolean leaks(String text) {
    if (text == null || !searchable()) {
      return false;
    }
    for (String n : needles) {
      if (text.contains(n)) {
        return true;
      }
    }
    return false;
  }

  private List<String> secrets() {
    List<String> out = new ArrayList<>();
    if (token != null && token.length() >= SEARCHABLE_LENGTH) {
      out.add(token);
    }
    if (key != null && key.length() >= SEARCHABLE_LENGTH) {
      out.add(key);
    }
    return out;
  }

  private static Set<String> pieces(String secret) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + SEARCHABLE_LENGTH <= secret.length(); i++) {
      out.add(secret.substring(i, i + SEARCHABLE_LENGTH));
    }
    return out;
  }

  private static boolean holdsPiece(String decoded, String secret) {
    if (decoded == null || decoded.length() < SEARCHABLE_LENGTH) {
      return false;
    }
    for (String p : pieces(secret)) {
      if (decoded.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /** Replaces every run of characters covered by 8-character pieces of the secret. */
  private static String replacePieces(String text, String secret, String placeholder) {
    Set<String> pieces = pieces(secret);
    boolean[] covered = new boolean[text.length()];
    boolean any = false;
    for (int i = 0; i + SEARCHABLE_LENGTH <= text.length(); i++) {
      if (pieces.contains(text.substring(i, i + SEARCHABLE_LENGTH))) {
        for (int j = i; j < i + SEARCHABLE_LENGTH; j++) {
          covered[j] = true;
        }
        any = true;
      }
    }
    if (!any) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (covered[i]) {
        if (i == 0 || !covered[i - 1]) {
          sb.append(placeholder);
        }
      } else {
        sb.append(text.charAt(i));
      }
    }
    return sb.toString();
  }

  private static String replaceEncoded(String text, Pattern p, String secret, String placeholder,
      java.util.function.Function<String, String> decode) {
    Matcher m = p.matcher(text);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      if (holdsPiece(decode.apply(m.group()), secret)) {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, last, m.start()).append(placeholder);
        last = m.end();
      }
    }
    return sb == null ? text : sb.append(text.substring(last)).toString();
  }

  private static String unbase64(String s) {
    StringBuilder all = new StringBuilder();
    String bare = s.replace("=", "").replace('-', '+').replace('_', '/');
    for (int shift = 0; shift < 4 && shift < bare.length(); shift++) {
      String part = bare.substring(shift);
      if (part.length() % 4 == 1) {
        part = part.substring(0, part.length() - 1);
      }
      try {
        all.append(new String(Base64.getDecoder().decode(part + "=".repeat((4 - part.length() % 4) % 4)),
            StandardCharsets.ISO_8859_1)).append('\n');
      } catch (IllegalArgumentException e) {
        // not Base64 at this offset
      }
    }
    return all.toString();
  }

  private static String unhex(String s) {
    StringBuilder all = new StringBuilder();
    for (int shift = 0; shift < 2 && shift < s.length(); shift++) {
      String part = s.substring(shift, s.length() - (s.length() - shift) % 2);
      try {
        all.append(new String(HexFormat.of().parseHex(part), StandardCharsets.ISO_8859_1)).append('\n');
      } catch (IllegalArgumentException e) {
        // not hex
      }
    }
    return all.toString();
  }

  private static String unurl(String s) {
    if (s.indexOf('%') < 0) {
      return null;
    }
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code secret} percent-encoded, as a test would look for it. */
  static String urlEncoded(String secret) {
    return URLEncoder.encode(secret, StandardCharsets.UTF_8);
  }
}
