package fr.sanscouture.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven through
 * its own chromedriver: nothing is downloaded. The browser is a French user's: French language, Paris
 * time. Screenshots go to {@code target/browser-screenshots}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path profile;

  Browser() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
    }
    try {
      profile = Files.createTempDirectory("sans-couture-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--lang=fr-FR", "--user-data-dir=" + profile, "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    // what the pages' Intl and dates use (the date format of the forms among them)
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "fr-FR"));
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Paris"));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // the pages re-render their lists as they refresh
    wait.ignoring(StaleElementReferenceException.class);
    // a click on an element that an overlay or a re-render covers for a moment is tried again
    wait.ignoring(ElementClickInterceptedException.class);
  }

  void open(String url) {
    driver.get(url);
  }

  <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  /** The first element the selector finds once it shows. */
  WebElement visible(By selector) {
    return until(driver -> driver.findElements(selector).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** The element whose own text, trimmed, is this one, once it shows. */
  WebElement withText(String tag, String text) {
    return visible(byText(tag, text));
  }

  private static By byText(String tag, String text) {
    return By.xpath("//" + tag + "[normalize-space(.)=" + literal(text) + "]");
  }

  /** The texts of what the selector finds, read again when the page re-renders them meanwhile. */
  List<String> texts(By selector) {
    return until(driver -> driver.findElements(selector).stream().map(WebElement::getText).map(String::strip).toList());
  }

  /**
   * Clicks the element whose own text is this one, looking it up again until the click lands: the pages
   * re-render their lists as they refresh, so an element found a moment before may be gone.
   */
  void click(String tag, String text) {
    click(byText(tag, text));
  }

  void click(By selector) {
    until(driver -> {
      WebElement element = driver.findElements(selector).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  /** The input a form label points to (the label of a required field ends with an asterisk). */
  WebElement field(String label) {
    WebElement labelled = visible(By.xpath("//label[normalize-space(translate(., '*', ''))=" + literal(label) + "]"));
    return driver.findElement(By.id(labelled.getAttribute("for")));
  }

  /** Types into the input of a form label, looking it up again if the form re-renders meanwhile. */
  void type(String label, CharSequence... keys) {
    until(driver -> {
      field(label).sendKeys(keys);
      return true;
    });
  }

  void login(String user, String password) {
    visible(By.cssSelector("input[type=text]")).sendKeys(user);
    driver.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XPath string literal, whatever quotes the text holds. */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
    FileSystemUtils.deleteRecursively(profile.toFile());
  }
}
