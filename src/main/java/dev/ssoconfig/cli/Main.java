package dev.ssoconfig.cli;

/** Entry point; replaced by the picocli command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(0);
  }
}
