package it.de.buergerbuero.referenceapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for the front-end tests. Installed by {@code
 * bin/browser-deps} together with axe-core, whose check {@link #assertAccessible} runs on a page.
 * Screenshots land in {@code target/screenshots}.
 */
final class WebBrowser implements AutoCloseable {
  private static final Path AXE = Path.of(System.getProperty("axe.script", "axe.min.js"));
  private static final Path SHOTS =
      Path.of(System.getProperty("screenshot.dir", "target/screenshots"));

  final ChromeDriver driver;
  final WebDriverWait wait;

  WebBrowser() {
    Path chromium = Path.of("/usr/bin/chromium");
    Path chromedriver = Path.of("/usr/bin/chromedriver");
    assertThat(chromium).as("Chromium missing: run bin/browser-deps").exists();
    assertThat(chromedriver).as("ChromeDriver missing: run bin/browser-deps").exists();
    assertThat(AXE).as("axe-core missing: run bin/browser-deps").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--lang=de-DE",
        "--window-size=1280,1000");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  void open(String path) {
    driver.get(Api.BASE + path);
    waitReady();
  }

  /**
   * Waits until the page is loaded and, on a page of the single-page app, until it has finished
   * rendering a view after {@code after} earlier renders.
   */
  void waitReady(int after) {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "if (document.readyState !== 'complete') return false;"
                            + " if (!document.querySelector('script[src=\\'/ui/app.js\\']'))"
                            + " return true;"
                            + " const m = document.getElementById('main');"
                            + " return Number(m.dataset.renders || 0) > arguments[0]"
                            + " && !m.hasAttribute('aria-busy');",
                        after)));
  }

  void waitReady() {
    waitReady(0);
  }

  /** How many views the single-page app has rendered since the page was loaded. */
  int renders() {
    Object n =
        driver.executeScript(
            "const m = document.getElementById('main');"
                + " return m ? Number(m.dataset.renders || 0) : 0;");
    return ((Number) n).intValue();
  }

  /** Clicks something that changes the view (link, filter) and waits for the new view. */
  void clickAndWait(String css) {
    int before = renders();
    find(css).click();
    waitReady(before);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  void type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
  }

  /** Logs in through the development login's form and comes back to {@code next}. */
  void login(String user, String next) {
    driver.get(
        Api.BASE + "/login?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
    type("#username", user);
    type("#password", user);
    find("button[type=submit]").click();
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
    waitReady();
  }

  String heading() {
    return find("h1").getText();
  }

  /** Saves a PNG of the page under target/screenshots. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SHOTS);
      Path file = SHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page and fails on any serious or
   * critical violation, listing rule, help text and elements.
   */
  void assertAccessible(String page) {
    assertThat(seriousViolations()).as("axe-core violations on " + page).isEmpty();
  }

  /** The serious and critical axe-core findings on the current page, one line each. */
  List<?> seriousViolations() {
    try {
      driver.executeScript(Files.readString(AXE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag',"
                + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations"
                + "  .filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ '"
                + "    + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<?>) result;
  }

  /** Fetches a link with the browser's session cookie (downloads are not visible to WebDriver). */
  HttpResponse<byte[]> fetchWithSession(String href) throws Exception {
    String cookie =
        driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .reduce((a, b) -> a + "; " + b)
            .orElse("");
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    driver.quit();
  }
}
