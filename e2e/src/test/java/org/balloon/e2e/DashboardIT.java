package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.balloon.access.Roles;
import org.balloon.testsupport.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Acceptance 3: the dashboard in a real headless browser (Debian's chromium and chromedriver,
 * driven by Selenium): it loads without console errors (a Content-Security-Policy violation is
 * one), signs in with a pasted token, shows a score arriving on the stream, submits an action
 * through its form after previewing it, and shows markup that users typed as text.
 */
@Order(2)
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHROMEDRIVER = System.getProperty("balloon.chromedriver", "/usr/bin/chromedriver");
    private static final String CHROMIUM = System.getProperty("balloon.chromium", "/usr/bin/chromium");

    private static Path profile;
    private WebDriver driver;

    @BeforeAll
    static void stack() throws Exception {
        Stack.get();
        profile = Files.createTempDirectory("balloon-chromium-");
    }

    @BeforeEach
    void browser() {
        // a driver of the machine's own: Selenium Manager must not try to download one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile.resolve("p" + System.nanoTime()));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (driver != null) {
            // what a person would have seen, and what the console said, for a failure's post-mortem
            String name = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("dashboard");
            try {
                Path shot = Path.of(System.getProperty("balloon.root", ".."), "e2e/target/" + name + ".png");
                Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                driver.manage().logs().get(LogType.BROWSER).getAll()
                        .forEach(e -> System.out.println(name + " console: " + e));
            } catch (Exception e) {
                System.err.println("no screenshot or log: " + e);
            }
            driver.quit();
        }
    }

    @AfterAll
    static void removeProfile() throws Exception {
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Opens the dashboard and signs in the way a person does: pasting a token. */
    private void openDashboard() {
        openDashboardAs(TestTokens.of(Roles.ANALYST, "e2e-analyst"));
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("e2e-analyst · analyst");
    }

    private void openDashboardAs(String token) {
        driver.get(Stack.get().gatewayUrl() + "/");
        driver.findElement(By.id("sign-in-button")).click();
        driver.findElement(By.id("token-input")).sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("stream-status"), "live"));
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    @Test
    void withoutATokenItAsksForOneAndAViewerCannotSubmit() {
        driver.get(Stack.get().gatewayUrl() + "/");
        WebElement notice = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("access-notice")));
        assertThat(notice.getText()).contains("Sign in");
        assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isTrue();

        openDashboardAs(TestTokens.of(Roles.VIEWER, "e2e-viewer"));
        assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("e2e-viewer · viewer");
        assertThat(driver.findElement(By.id("submit-card")).isDisplayed()).as("the form, for a viewer").isFalse();
        assertThat(driver.findElement(By.id("access-notice")).isDisplayed()).isFalse();

        driver.findElement(By.id("sign-out-button")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("who"), "not signed in"));
        assertThat(js().executeScript("return sessionStorage.getItem('balloon.token')")).isNull();
    }

    @Test
    void markupInEveryTextFieldShowsAsTextAndNeverRuns() {
        String marker = "xss" + System.nanoTime();
        String img = "<img src=x onerror=\"document.title='pwned';window.pwned=1\">";
        String script = "<script>document.title='pwned';window.pwned=1</script>";
        String title = marker + " " + img;
        Map<String, Object> action = Api.action("VE", "MILITARY_STRIKE", "ignored");
        action.put("title", title);
        action.put("description", script + " " + img);
        action.put("targetOrganizations", List.of(marker + img, "<b onmouseover=window.pwned=1>" + marker + "</b>"));
        action.put("sources", List.of("https://example.org/<img/src=x/onerror=window.pwned=1>"));
        String id = Api.submit(action);

        openDashboard();
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#scores-table tr[data-action-id='" + id + "']")));
        assertThat(row.getText()).contains(title);
        row.click();
        waiting().until(d -> d.findElements(By.cssSelector("#detail .criterion")).size() == 8);
        assertThat(driver.findElement(By.cssSelector("#detail .detail-head strong")).getText()).isEqualTo(title);

        Select groupBy = new Select(driver.findElement(By.id("group-by")));
        WebElement chart = driver.findElement(By.id("chart"));
        for (String grouping : List.of("country", "type", "agency", "organization", "month")) {
            groupBy.selectByValue(grouping);
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-label"),
                    groupBy.getFirstSelectedOption().getText()));
            // hover over every bar with the mouse: the tooltip is where the markup once ran
            Long bars = (Long) js().executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                    + "return c ? c.getOption().series[0].data.length : 0;", chart);
            for (int i = 0; i < bars; i++) {
                @SuppressWarnings("unchecked")
                List<Number> at = (List<Number>) js().executeScript("var c = echarts.getInstanceByDom(arguments[0]);"
                        + "var o = c.getOption(); var v = o.series[0].data[arguments[1]];"
                        + "return c.convertToPixel({seriesIndex: 0}, [arguments[1], (v.value !== undefined ? v.value : v) / 2]);",
                        chart, i);
                int x = at.get(0).intValue() - chart.getSize().getWidth() / 2;
                int y = at.get(1).intValue() - chart.getSize().getHeight() / 2;
                new org.openqa.selenium.interactions.Actions(driver).moveToElement(chart, x, y).perform();
            }
            if (grouping.equals("organization")) {
                // the organisation's own bar: its tooltip shows the markup as text
                @SuppressWarnings("unchecked")
                List<String> keys = (List<String>) js().executeScript(
                        "return echarts.getInstanceByDom(arguments[0]).getOption().xAxis[0].data;", chart);
                int index = keys.indexOf((marker + img).toLowerCase());
                assertThat(index).as("the organisation's bar among %s", keys).isNotNegative();
                js().executeScript("echarts.getInstanceByDom(arguments[0]).dispatchAction({type: 'showTip', seriesIndex: 0,"
                        + " dataIndex: arguments[1]});", chart, index);
                WebElement tooltip = waiting().until(d -> d.findElements(By.cssSelector("#chart div")).stream()
                        .filter(e -> e.getText().contains(marker)).findFirst().orElse(null));
                assertThat(tooltip.getText()).contains("<img src=x onerror=");
                assertThat(tooltip.findElements(By.tagName("img"))).isEmpty();
            }
        }
        assertThat(driver.getTitle()).doesNotContain("pwned");
        assertThat(js().executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("img[src='x'], #scores-table b, #detail b"))).isEmpty();
        assertNoConsoleErrors();
    }

    @Test
    void loadsWithoutConsoleErrorsAndShowsAScoreArrivingOnTheStream() {
        openDashboard();
        assertThat(driver.getTitle()).contains("Balloon");
        // the chart library (a webjar served by the gateway) loaded and drew
        waiting().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return !!window.echarts")));

        Map<String, Object> action = Api.action("HN", "LEADERSHIP_TARGETING", "e2e dashboard");
        String id = Api.submit(action);
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#scores-table tr[data-action-id='" + id + "']")));
        assertThat(row.getText()).contains((String) action.get("title")).contains("HN");

        row.click();
        waiting().until(d -> d.findElements(By.cssSelector("#detail .criterion")).size() == 8);
        assertThat(driver.findElement(By.id("detail")).getText()).contains((String) action.get("title"));
        // the breakdown names the action's trace (the e2e stack exports traces: Stack, TraceIT)
        String traceId = Api.get("/api/scores/" + id).header("X-Trace-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        waiting().until(d -> d.findElements(By.cssSelector("#detail .detail-head .trace")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#detail .detail-head .trace")).getText()).isEqualTo("trace " + traceId);
        // the chart shows the country of the new score (the chart refreshes after a score arrives)
        waiting().until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var c = window.echarts.getInstanceByDom(document.getElementById('chart'));"
                        + "return !!c && JSON.stringify(c.getOption().xAxis[0].data).indexOf('HN') >= 0;")));

        assertNoConsoleErrors();
    }

    @Test
    void submitsAnActionThroughTheFormAfterPreviewingIt() {
        openDashboard();
        String title = "e2e form " + System.nanoTime();
        driver.findElement(By.id("f-title")).sendKeys(title);
        new Select(driver.findElement(By.id("f-type"))).selectByValue("MILITARY_STRIKE");
        driver.findElement(By.id("f-country")).sendKeys("VE");
        new Select(driver.findElement(By.id("f-consent"))).selectByValue("NONE");
        driver.findElement(By.id("f-lethal")).click();
        WebElement submit = driver.findElement(By.id("submit-button"));
        assertThat(submit.isEnabled()).as("submit waits for a preview").isFalse();

        driver.findElement(By.id("preview-button")).click();
        WebElement preview = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        assertThat(preview.getText()).contains("would score");
        waiting().until(d -> d.findElements(By.cssSelector("#detail .criterion")).size() == 8);
        waiting().until(ExpectedConditions.elementToBeClickable(submit)).click();

        waiting().until(ExpectedConditions.textMatches(By.id("submit-result"), java.util.regex.Pattern.compile("Scored: \\d+")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#scores-table tbody tr"));
        assertThat(rows).anySatisfy(r -> assertThat(r.getText()).contains(title).contains("VE"));
        assertThat(driver.findElement(By.id("form-errors")).isDisplayed()).isFalse();

        assertNoConsoleErrors();
    }

    @Test
    void comparesAnActionUnderThePreviousAndTheActiveModelSideBySide() {
        openDashboard();
        // the arrest of Mexico's former defence secretary in Los Angeles (2020), Mexico not told beforehand
        driver.findElement(By.id("f-title")).sendKeys("e2e Cienfuegos arrest " + System.nanoTime());
        new Select(driver.findElement(By.id("f-type"))).selectByValue("LEADERSHIP_TARGETING");
        driver.findElement(By.id("f-country")).sendKeys("MX");
        new Select(driver.findElement(By.id("f-theater"))).selectByValue("US_DOMESTIC");
        new Select(driver.findElement(By.id("f-official"))).selectByValue("FORMER_OFFICIAL");
        new Select(driver.findElement(By.id("f-informed"))).selectByValue("false");
        driver.findElement(By.id("preview-button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#detail .criterion")).size() == 8);

        waiting().until(ExpectedConditions.elementToBeClickable(By.id("compare-button"))).click();
        WebElement compare = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#compare table")));
        WebElement friction = compare.findElement(By.cssSelector("tr[data-criterion='SOVEREIGNTY_FRICTION']"));
        assertThat(friction.getText()).contains("+SF-10").contains("+SF-11");
        assertThat(friction.getAttribute("class")).contains("changed");
        assertThat(compare.getText()).contains("2026.1+").contains("2026.2+");

        assertNoConsoleErrors();
    }

    @Test
    void showsTheEventsServicesProblemsNextToTheForm() {
        openDashboard();
        driver.findElement(By.id("f-title")).sendKeys("e2e invalid");
        driver.findElement(By.id("f-country")).sendKeys("ZZ");
        driver.findElement(By.id("preview-button")).click();
        WebElement errors = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(errors.getText()).contains("targetCountry");
        assertThat(driver.findElement(By.id("submit-button")).isEnabled()).isFalse();
        // a 400 answer is shown, not an error of the page; the browser logs the failed request itself
        assertThat(consoleErrors()).allMatch(e -> e.getMessage().contains("score-preview") && e.getMessage().contains("400"));
    }

    /**
     * Issue 14: the shipped history imported through the batch API, one country's timeline drawn and
     * listed in date order, the latest action's score naming the earlier actions it cites; a screenshot
     * of the timeline is kept as the test's artifact. The history is taken out again afterwards (other
     * classes post the same actions and expect a record without them).
     */
    @Test
    void theTimelineDrawsACountrysHistoryAndNamesTheEarlierActionsTheLatestScoreCites() throws Exception {
        String country = "CO";
        Map<String, Map<String, Object>> posted = ShippedHistory.post(ShippedHistory.actions());
        try {
            ShippedHistory.awaitScored(posted.keySet());
            Api.Answer answer = Api.getAs("/api/timeline?country=" + country, ShippedHistory.token("viewer"));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            com.fasterxml.jackson.databind.JsonNode timeline = answer.json();
            List<String> ids = new java.util.ArrayList<>();
            timeline.path("items").forEach(i -> ids.add(i.path("actionId").asText()));
            long ofTheHistory = posted.values().stream().filter(a -> country.equals(a.get("targetCountry"))).count();
            assertThat(ofTheHistory).isEqualTo(26);
            assertThat(ids).containsAll(posted.entrySet().stream()
                    .filter(e -> country.equals(e.getValue().get("targetCountry"))).map(Map.Entry::getKey).toList());

            openDashboardAs(TestTokens.of(Roles.VIEWER, "e2e-timeline"));
            waiting().until(d -> !d.findElements(By.cssSelector("#timeline-country option[value='" + country + "']")).isEmpty());
            new Select(driver.findElement(By.id("timeline-country"))).selectByValue(country);

            // the list: the same actions as the API, in date order
            waiting().until(d -> listed("id").equals(ids));
            List<String> dates = listed("when");
            assertThat(dates).isSortedAccordingTo(String::compareTo);
            assertThat(driver.findElement(By.id("timeline-list")).getText())
                    .contains("Three US strikes on four boats off Colombia's Pacific coast");
            // the chart: one point per action, in the same order, at its date and score
            @SuppressWarnings("unchecked")
            List<List<Object>> points = (List<List<Object>>) js().executeScript("var c = echarts.getInstanceByDom("
                    + "document.getElementById('timeline-chart')); return c.getOption().series[0].data.map("
                    + "function (p) { return [p.actionId, p.value[0], p.value[1]]; });");
            assertThat(points).extracting(p -> p.get(0)).containsExactlyElementsOf(ids);
            List<String> overall = new java.util.ArrayList<>();
            timeline.path("items").forEach(i -> overall.add(i.path("occurredOn").asText() + " " + i.path("overall").asInt()));
            assertThat(points).extracting(p -> p.get(1) + " " + ((Number) p.get(2)).intValue()).containsExactlyElementsOf(overall);

            // the latest action: its history factors and the earlier actions its score cites, by title
            com.fasterxml.jackson.databind.JsonNode latest = timeline.path("items").get(ids.size() - 1);
            assertThat(posted).as("the latest action of %s is one of the history", country).containsKey(ids.get(ids.size() - 1));
            List<String> citedTitles = new java.util.ArrayList<>();
            List<String> rules = new java.util.ArrayList<>();
            latest.path("historyFactors").forEach(f -> {
                rules.add(f.path("rule").asText());
                f.path("cites").forEach(id -> {
                    Map<String, Object> cited = posted.get(id.asText());
                    if (cited != null && !citedTitles.contains((String) cited.get("title"))) {
                        citedTitles.add((String) cited.get("title"));
                    }
                });
            });
            assertThat(rules).isNotEmpty();
            assertThat(citedTitles).hasSizeGreaterThanOrEqualTo(3);
            List<WebElement> entries = driver.findElements(By.cssSelector("#timeline-list button.entry"));
            entries.get(entries.size() - 1).click();
            WebElement detail = driver.findElement(By.id("timeline-detail"));
            waiting().until(d -> !detail.findElements(By.cssSelector(".cited-list button.entry")).isEmpty());
            assertThat(detail.findElement(By.cssSelector(".detail-head strong")).getText()).isEqualTo(latest.path("title").asText());
            assertThat(detail.findElements(By.cssSelector(".history-factors .rule"))).extracting(WebElement::getText)
                    .containsExactlyElementsOf(rules);
            List<String> shown = detail.findElements(By.cssSelector(".cited-list button.entry .what")).stream()
                    .map(WebElement::getText).toList();
            assertThat(shown).containsAll(citedTitles);
            // one entry per distinct cited id the store resolved
            java.util.Set<String> resolved = new java.util.HashSet<>();
            latest.path("historyFactors").forEach(f -> f.path("cites").forEach(id -> {
                if (timeline.path("cited").has(id.asText())) {
                    resolved.add(id.asText());
                }
            }));
            assertThat(shown).hasSize(resolved.size());

            // the screenshot of the timeline, the latest action selected (the artifact of the acceptance)
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2000));
            WebElement card = driver.findElement(By.id("timeline-card"));
            js().executeScript("arguments[0].scrollIntoView(true)", card);
            waiting().until(d -> Boolean.TRUE.equals(js().executeScript("var c = echarts.getInstanceByDom("
                    + "document.getElementById('timeline-chart')); c.resize(); return c.getWidth() > 0;")));
            Path shots = Path.of(System.getProperty("balloon.root", ".."), "e2e", "target", "screenshots");
            Files.createDirectories(shots);
            Files.write(shots.resolve("timeline.png"), card.getScreenshotAs(OutputType.BYTES));

            // a cited action is selectable in turn
            WebElement first = detail.findElement(By.cssSelector(".cited-list button.entry"));
            String firstTitle = first.findElement(By.cssSelector(".what")).getText();
            first.click();
            waiting().until(d -> d.findElement(By.cssSelector("#timeline-detail .detail-head strong")).getText().equals(firstTitle));
            assertThat(driver.findElements(By.cssSelector("#timeline-list button.entry.selected"))).hasSize(1);
            assertNoConsoleErrors();
        } finally {
            ShippedHistory.retract(posted.keySet());
        }
    }

    /** The timeline list's entries, read in one script (the list is redrawn while it loads). */
    @SuppressWarnings("unchecked")
    private List<String> listed(String part) {
        return (List<String>) js().executeScript("var part = arguments[0];"
                + " return Array.from(document.querySelectorAll('#timeline-list button.entry'), function (b) {"
                + " return part === 'id' ? b.getAttribute('data-action-id') : b.querySelector('.when').textContent; });", part);
    }

    /**
     * Errors the browser logged, except the refusals (401) of the page's own requests before it
     * signed in: the browser logs those itself, and the page answers them by asking for a token.
     */
    private List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("status of 401 (Unauthorized)"))
                .toList();
    }

    private void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("browser console errors").isEmpty();
    }
}
