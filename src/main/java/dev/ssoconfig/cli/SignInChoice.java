package dev.ssoconfig.cli;

import dev.ssoconfig.Failure;
import dev.ssoconfig.login.LoginFlow;

/**
 * How the person signs in, decided from the options and the environment, so that the right flow is
 * used without thinking: a browser sign-in (PKCE) where a browser can be shown on this machine, a
 * device code where none can.
 *
 * <p>The rules, first match wins:
 *
 * <ol>
 *   <li>{@code --device-code} and {@code --pkce} together: a usage error.
 *   <li>{@code --device-code}: device code; {@code --pkce}: PKCE. An explicit choice always wins.
 *   <li>{@code BROWSER} set (not empty): PKCE. The person named a browser to use, as for Python's
 *       {@code webbrowser}.
 *   <li>{@code SSH_CONNECTION} or {@code SSH_TTY} set: device code. A browser started here would
 *       open on the remote machine's display, if it has one, not in front of the person.
 *   <li>{@code CI} set (and not {@code false} or {@code 0}): device code; nobody sits at a CI
 *       runner.
 *   <li>Not macOS, not Windows and not WSL (Linux, the BSDs, other Unix), with neither {@code
 *       DISPLAY} nor {@code WAYLAND_DISPLAY} set: device code, since no graphical browser can start
 *       (the test Python's {@code webbrowser} makes before it registers any). macOS and Windows
 *       have a display whatever {@code DISPLAY} says, and WSL opens the Windows browser.
 *   <li>Otherwise PKCE, the AWS CLI v2's default.
 * </ol>
 *
 * <p>A browser is started ({@link #openBrowser()}) unless {@code --no-browser} was given, and, for
 * the device code flow, only where one can be shown (rule 3, or none of rules 4 to 6 applies): the
 * URL and the code are printed either way. With {@code --pkce} the browser is always tried (an SSH
 * session with X forwarding may show it); if it cannot be started, that is reported at once.
 *
 * <p>The AWS CLI v2 does none of this: {@code aws sso login} always uses PKCE unless {@code
 * --use-device-code} is given, and a browser that cannot be opened is only written to its debug
 * log, so over SSH it waits for a callback that never comes.
 *
 * @param flow PKCE or device code
 * @param openBrowser whether to start a browser for the sign-in URL
 * @param note the one line that says why the flow was chosen, when the person did not choose it and
 *     it is not the default; {@code null} otherwise
 */
record SignInChoice(LoginFlow flow, boolean openBrowser, String note) {

  /**
   * @param deviceCode whether {@code --device-code} was given
   * @param pkce whether {@code --pkce} was given
   * @param noBrowser whether {@code --no-browser} was given
   * @param environment the variables and operating system
   * @return the flow, whether to start a browser, and the note to print before signing in
   * @throws Failure of kind {@link Failure.Kind#USAGE} if both {@code --device-code} and {@code
   *     --pkce} were given
   */
  static SignInChoice decide(
      boolean deviceCode, boolean pkce, boolean noBrowser, Environment environment) {
    if (deviceCode && pkce) {
      throw Failure.usage("--device-code and --pkce cannot be used together; choose one");
    }
    if (pkce) {
      return new SignInChoice(LoginFlow.PKCE, !noBrowser, null);
    }
    String noDisplay = whyNoBrowser(environment);
    boolean canShowBrowser = noDisplay == null;
    if (deviceCode || !canShowBrowser) {
      String note =
          deviceCode
              ? null
              : "No display ("
                  + noDisplay
                  + "): signing in with a device code; use --pkce to open a browser here instead.";
      return new SignInChoice(LoginFlow.DEVICE_CODE, !noBrowser && canShowBrowser, note);
    }
    return new SignInChoice(LoginFlow.PKCE, !noBrowser, null);
  }

  /**
   * @return why no browser can be shown to the person on this machine, for the note (e.g. {@code
   *     SSH session}), or {@code null} if one can
   */
  static String whyNoBrowser(Environment environment) {
    if (environment.get("BROWSER") != null && !environment.get("BROWSER").isBlank()) {
      return null;
    }
    if (environment.get("SSH_CONNECTION") != null || environment.get("SSH_TTY") != null) {
      return "SSH session";
    }
    String ci = environment.get("CI");
    if (ci != null && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
      return "CI is set";
    }
    if (environment.macOs() || environment.windows()) {
      return null;
    }
    if (environment.get("DISPLAY") != null || environment.get("WAYLAND_DISPLAY") != null) {
      return null;
    }
    if (environment.wsl()) {
      return null;
    }
    return "neither DISPLAY nor WAYLAND_DISPLAY is set";
  }
}
