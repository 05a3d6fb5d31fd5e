package dev.ssoconfig.configfile;

import static dev.ssoconfig.testing.Draw.w;

import dev.ssoconfig.profiles.ProfilePlan;
import dev.ssoconfig.testing.ByteMutation;
import dev.ssoconfig.testing.ByteMutation.Kind;
import dev.ssoconfig.testing.Draw;
import dev.ssoconfig.testing.Escaped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded generator of arbitrary config bytes, up to a few KB, for fuzzing the parser and the
 * editor. Four families, weighted 2:2:3:3: random bytes; bytes drawn from the format's own
 * characters (and some that break UTF-8); soups of the format's tokens; and real configs mutated
 * ({@link ByteMutation}) by deleting, inserting and duplicating ranges, inserting bytes and tokens,
 * flipping bits, truncating, and splicing in pieces of other real configs. The real configs are the
 * golden inputs, a few hand-written configs of the kinds the AWS CLI documents, and {@link
 * ConfigGenerator} files.
 */
final class FuzzInputs {
  /** The longest input of random bytes or characters. */
  static final int MAX_LENGTH = 4096;

  private static final int MAX_TOKENS = 600;
  private static final int MAX_MUTATIONS = 8;
  private static final int SHORT_LENGTH = 64;

  /** Bytes that mean something in the format, and some that break UTF-8. */
  private static final byte[] ALPHABET =
      latin1("[]=#;- \t\r\n_.apfildetrosmn/:%+@\u0000\u00ff\u00c3\u00ef\u00bb\u00bf");

  private static final List<String> TOKENS =
      List.of(
          "[profile ",
          "[ profile  ",
          "[default]",
          "[sso-session ",
          "[services ",
          "[",
          "]",
          "profile",
          "default",
          "managed_by",
          " = ",
          "=",
          ProfilePlan.MARKER_VALUE,
          "acme",
          "a",
          "b",
          "Prod.Admin",
          "sso_start_url",
          "sso_region",
          "sso_session",
          StandardPlan.START_URL,
          "/",
          StandardPlan.SSO_REGION,
          "\n",
          "\r\n",
          "\r",
          "  ",
          "\t",
          "#",
          ";",
          " # ",
          Grammar.BOM,
          "\u00ff",
          "\u00c3",
          "\u0000");

  /** Configs of the kinds the AWS CLI documents, as a person might have them. */
  private static final List<Named> SNIPPETS =
      List.of(
          new Named(
              "snippet aws configure sso",
              "[profile my-dev-profile]\nsso_session = my-sso\nsso_account_id = 123456789011\n"
                  + "sso_role_name = readOnly\nregion = us-west-2\noutput = json\n\n"
                  + "[sso-session my-sso]\nsso_region = us-east-1\n"
                  + "sso_start_url = https://my-sso-portal.awsapps.com/start\n"
                  + "sso_registration_scopes = sso:account:access\n"),
          new Named(
              "snippet legacy sso, CRLF",
              "[default]\r\nregion = eu-west-1\r\n\r\n[profile legacy]\r\n"
                  + "sso_start_url = https://acme.awsapps.com/start\r\nsso_region = us-east-1\r\n"
                  + "sso_account_id = 111111111111\r\nsso_role_name = Admin\r\n"),
          new Named(
              "snippet role chain and nested s3",
              "# my profiles\n[profile base]\ncredential_process = /usr/bin/creds --json\n"
                  + "s3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n\n"
                  + "[profile chained]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                  + "source_profile = base ; inline comment\nduration_seconds=3600\n"),
          new Named(
              "snippet generated profile",
              "[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
                  + "sso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n"
                  + "[profile Prod.AdministratorAccess]\nsso_session = acme\n"
                  + "sso_account_id = 111111111111\nsso_role_name = AdministratorAccess\n"
                  + "region = us-east-1\nmanaged_by = "
                  + ProfilePlan.MARKER_VALUE
                  + "\n"),
          new Named(
              "snippet services, no final newline",
              "[profile dev]\nservices = local\nendpoint_url = http://127.0.0.1:4566\n\n"
                  + "[services local]\ndynamodb =\n  endpoint_url = http://127.0.0.1:8000\n"
                  + "s3 =\n\tendpoint_url = http://127.0.0.1:9000"));

  private final List<Named> realConfigs;

  /** An input and where it came from. */
  record FuzzInput(String origin, byte[] bytes) {
    FuzzInput {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FuzzInput f
          && origin.equals(f.origin)
          && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
      return 31 * origin.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return origin + ", " + bytes.length + " bytes:\n" + Escaped.of(bytes);
    }
  }

  /** A real config and its name. */
  private record Named(String name, String latin1) {
    byte[] bytes() {
      return FuzzInputs.latin1(latin1);
    }
  }

  private FuzzInputs(List<Named> realConfigs) {
    this.realConfigs = List.copyOf(realConfigs);
  }

  /**
   * A generator whose real configs are the {@code *.input} files of {@code goldenDir} and the
   * hand-written snippets.
   *
   * @throws IOException when the directory cannot be listed or a file read
   */
  static FuzzInputs withGoldenInputs(Path goldenDir) throws IOException {
    List<Named> configs = new ArrayList<>();
    try (Stream<Path> files = Files.list(goldenDir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".input")).sorted().toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        configs.add(new Named("golden " + file.getFileName(), text));
      }
    }
    configs.addAll(SNIPPETS);
    return new FuzzInputs(configs);
  }

  /** How many golden inputs mutations start from (besides the snippets and random configs). */
  int goldenInputCount() {
    return realConfigs.size() - SNIPPETS.size();
  }

  /** A random input of one of the four families. */
  FuzzInput next(Random random) {
    return Draw.frequencyOf(
        random,
        w(2, () -> randomBytes(random)),
        w(2, () -> alphabetSoup(random)),
        w(3, () -> tokenSoup(random)),
        w(3, () -> mutated(random)));
  }

  private static FuzzInput randomBytes(Random random) {
    byte[] bytes = new byte[length(random, MAX_LENGTH)];
    random.nextBytes(bytes);
    return new FuzzInput("random bytes", bytes);
  }

  private static FuzzInput alphabetSoup(Random random) {
    byte[] bytes = new byte[length(random, MAX_LENGTH)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new FuzzInput("bytes of the format's alphabet", bytes);
  }

  private static FuzzInput tokenSoup(Random random) {
    int count = length(random, MAX_TOKENS);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(Draw.oneOf(random, TOKENS));
    }
    return new FuzzInput("soup of the format's tokens", latin1(text.toString()));
  }

  /** A real config with up to eight random mutations. */
  private FuzzInput mutated(Random random) {
    Named start = realConfig(random);
    List<ByteMutation> mutations = Draw.listOf(random, MAX_MUTATIONS, () -> mutation(random));
    byte[] bytes = start.bytes();
    for (ByteMutation mutation : mutations) {
      bytes = mutation.applyTo(bytes);
    }
    return new FuzzInput(start.name() + " with mutations " + mutations, bytes);
  }

  /** A golden input or snippet one time in two, else a random config file. */
  private Named realConfig(Random random) {
    if (random.nextBoolean()) {
      return Draw.oneOf(random, realConfigs);
    }
    byte[] generated = ConfigGenerator.config(random).bytes();
    return new Named("random config", new String(generated, StandardCharsets.ISO_8859_1));
  }

  private ByteMutation mutation(Random random) {
    Kind kind = Draw.oneOf(random, List.of(Kind.values()));
    int at = Draw.between(random, 0, 10_000);
    int span = Draw.between(random, 0, 10_000);
    byte[] insert =
        switch (kind) {
          case INSERT_BYTE -> new byte[] {(byte) random.nextInt(256)};
          case INSERT_TOKEN -> latin1(Draw.oneOf(random, TOKENS));
          case SPLICE -> piece(random, realConfig(random).bytes());
          default -> new byte[0];
        };
    return new ByteMutation(kind, at, span, insert);
  }

  /** Some whole lines of {@code config} one time in two, else any range of its bytes. */
  private static byte[] piece(Random random, byte[] config) {
    if (config.length == 0) {
      return config;
    }
    if (random.nextBoolean()) {
      List<Integer> starts = lineStarts(config);
      int first = random.nextInt(starts.size());
      int end = first + 1 + random.nextInt(Math.min(8, starts.size() - first));
      int to = end < starts.size() ? starts.get(end) : config.length;
      return Arrays.copyOfRange(config, starts.get(first), to);
    }
    int from = random.nextInt(config.length);
    int to = from + 1 + random.nextInt(Math.min(256, config.length - from));
    return Arrays.copyOfRange(config, from, to);
  }

  /** Where each line starts; a line ends at LF, CRLF or a lone CR. */
  private static List<Integer> lineStarts(byte[] bytes) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        i++;
      }
      if ((bytes[i] == '\n' || bytes[i] == '\r') && i + 1 < bytes.length) {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** A length up to {@code max} one time in two, else a short one: most bugs need few bytes. */
  private static int length(Random random, int max) {
    return Draw.size(random, random.nextBoolean() ? max : Math.min(max, SHORT_LENGTH));
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
