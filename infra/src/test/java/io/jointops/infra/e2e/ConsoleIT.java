package io.jointops.infra.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console (module console, served by the gateway at /) in a real headless Chromium (Debian's chromium and
 * chromedriver, driven by Selenium; Selenium Manager is never asked to download a browser or driver), on the shared
 * platform: log in through Keycloak's login page (the PKCE client jointops-web), open a case, become its lead
 * investigator and add US-DEA, step the time slider back to the case without the partner, switch to Chinese, see it as
 * US-DEA, and as the auditor verify the case in the browser with the same verdicts as audit-verifier.jar, for the real
 * bundle, one stating a key destroyed and a tampered one. A supervisor approves an intelligence report in the browser (four-eyes), a chemical officer sees a
 * shipment's risk indicators, a finance officer the money trail of a transaction report as a graph with totals per
 * country. axe-core (from the console's npm dependencies) checks each main page: no serious or critical
 * violation, and the browser's console shows no error. Screenshots: infra/target/console-screenshots.
 */
@ExtendWith(RunningPlatform.class)
class ConsoleIT {

    private static final String CHROMIUM = System.getProperty("jointops.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("jointops.chromedriver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ChromeDriver browser;
    private static String base;
    private static Path screenshots;
    private static String axe;

    @BeforeAll
    static void browser() throws IOException {
        assertThat(new File(CHROMIUM).canExecute()).as("Debian's chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)").isTrue();
        assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian's chromedriver at " + CHROMEDRIVER + " (apt-get install -y chromium-driver)").isTrue();
        base = RunningPlatform.gateway().baseUrl();
        Path root = RunningPlatform.platform().options().root();
        screenshots = root.resolve("infra/target/console-screenshots");
        Files.createDirectories(screenshots);
        axe = Files.readString(root.resolve("console/node_modules/axe-core/axe.min.js"));
        browser = newBrowser();
    }

    private static ChromeDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM); // a browser named: Selenium Manager looks for nothing to download
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL); // the page's console, read when a step fails
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--lang=en-GB", "--disable-extensions", "--no-first-run", "--disable-gpu",
                // nothing but the platform on loopback: Chromium's own traffic (updates, sync, safe browsing, QUIC,
                // Google's hosts at start) goes to a closed network here, where its connections are refused many at
                // a time (the workplace's notes on this machine); none of it may stand in the way of a navigation
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--disable-client-side-phishing-detection", "--disable-domain-reliability",
                "--no-default-browser-check", "--disable-features=Translate,OptimizationHints,MediaRouter",
                // a headless page counts as hidden: its timers and renderer must not be slowed on a loaded machine
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                // dates are shown in the user's time zone: the browser's, here China's
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .withLogFile(screenshots.resolve("chromedriver-" + System.nanoTime() + ".log").toFile())
                .build();
        ChromeDriver started = new ChromeDriver(service, options);
        started.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return started;
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void investigatorsPartnersAndAuditorsWorkThroughTheConsole() throws Exception {
        recordingFailure("case", this::caseScenario);
    }

    @Test
    void intelligenceShipmentsAndMoneyTrailsShowTheirRulesAndPassTheAccessibilityCheck() throws Exception {
        recordingFailure("items", this::itemPages);
    }

    interface Scenario {
        void run() throws Exception;
    }

    /** On failure: what the browser showed (screenshot, address and page source) and its console, under name. */
    private static void recordingFailure(String name, Scenario scenario) throws Exception {
        try {
            scenario.run();
        } catch (Exception | AssertionError e) {
            screenshot("failure-" + name);
            Files.writeString(screenshots.resolve("failure-" + name + ".html"), browser.getCurrentUrl() + "\n" + browser.getPageSource());
            StringBuilder console = new StringBuilder();
            browser.manage().logs().get(LogType.BROWSER).forEach(entry -> console.append(entry).append('\n'));
            Files.writeString(screenshots.resolve("failure-" + name + "-console.log"), console);
            System.out.println("[console] at " + browser.getCurrentUrl() + ":\n" + console);
            throw e;
        }
    }

    /**
     * An intelligence report awaiting release (its TLP banner, grading and the four-eyes rule, approved in the browser
     * by a supervisor who did not draft it), a shipment whose goods do not match its notification (its risk indicators
     * explained) and a transaction report whose money leaves the country (the graph and the totals per country).
     */
    private void itemPages() throws Exception {
        RunningPlatform.Gateway gateway = RunningPlatform.gateway();
        String run = Long.toString(System.nanoTime());

        String intelTitle = "Broker network via Manzanillo " + run;
        String cn = RunningPlatform.token("cn.investigator");
        HttpResponse<String> drafted = gateway.post("/api/intel/reports", cn, Map.of(
                "title", intelTitle, "summary", "Fentanyl precursors ordered through a broker in Manzanillo",
                "category", "ORGANISED_CRIME_GROUP", "sourceReliability", "B", "informationCredibility", 2,
                "releasedTo", List.of("US-DEA"), "tlp", "TLP:AMBER", "handlingCode", "H2",
                "entities", List.of(Map.of("entityId", "e1", "type", "ORGANISATION", "value", "Hebei Chem Co., Ltd."))));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String intel = idOf(drafted);
        assertThat(gateway.post("/api/intel/reports/" + intel + "/submission", cn, Map.of()).statusCode()).isEqualTo(200);

        login("cn.supervisor");
        waitText(By.id("approvals"), intelTitle);
        noConsoleErrors("work lists of a supervisor");
        accessible("work lists of a supervisor");
        screenshot("work-lists-supervisor");
        browser.findElement(By.linkText(intelTitle)).click();
        waitText(By.id("intel-h"), intelTitle);
        assertThat(text(By.cssSelector(".tlp-banner"))).startsWith("TLP:AMBER");
        assertThat(text(By.tagName("main"))).contains("Four-eyes: only a supervisor of the owner agency who neither "
                + "drafted nor revised the report approves it.").contains("SUBMITTED_FOR_RELEASE").contains("B2");
        noConsoleErrors("intelligence report");
        accessible("intelligence report");
        screenshot("intel");
        browser.findElement(By.cssSelector("form[aria-label='Approve and release'] button[type=submit]")).click();
        waitText(By.tagName("main"), "DISSEMINATED");
        assertThat(browser.findElements(By.cssSelector("form[aria-label='Approve and release']"))).isEmpty();

        String chemical = RunningPlatform.token("cn.chemical");
        HttpResponse<String> filed = gateway.post("/api/chemicals/notifications", chemical, PrecursorControlIT.PEN);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String notification = idOf(filed);
        HttpResponse<String> registered = gateway.post("/api/chemicals/shipments", chemical, """
                {"notificationId":"%s","quantity":250,"declaredGoods":"paint thinner"}""".formatted(notification));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String shipment = idOf(registered);
        awaitJson("/api/chemicals/shipments/" + shipment, chemical,
                view -> view.path("risk").path("indicators").findValuesAsText("code").contains("GOODS_MISMATCH"));

        logout();
        login("cn.chemical");
        browser.get(base + "/#/shipments/" + shipment);
        waitText(By.id("risk"), "GOODS_MISMATCH");
        assertThat(text(By.id("risk-h"))).startsWith("Risk score ");
        assertThat(text(By.tagName("main"))).contains("4-AP (CAS 23056-29-3)");
        noConsoleErrors("shipment");
        accessible("shipment");
        screenshot("shipment");

        String finance = RunningPlatform.token("us.finance");
        String first = "1000" + run.substring(run.length() - 8);
        String second = "2000" + run.substring(run.length() - 8);
        String shenzhen = "6222" + run.substring(run.length() - 8);
        String transactions = String.join(",",
                transaction("W1", "2026-10-01", "27000000.00", "USD", account("from", "Harbour Imports LLC", first, "026009593", "US"),
                        account("to", "Pacific Freight Inc", second, "121000248", "US")),
                // the receiving account in Shenzhen is not named by the report: it is shown by its account
                transaction("W2", "2026-10-02", "26500000.00", "USD", account("from", "Pacific Freight Inc", second, "121000248", "US"),
                        account("to", null, shenzhen, "ICBKCNBJ", "CN")));
        HttpResponse<String> reported = gateway.post("/api/finance/reports", finance, """
                {"reportCode":"STR","reportingEntity":"First Harbour Bank","submissionDate":"2026-10-14",
                 "reason":"Funds wired on to Shenzhen","reportingPerson":"J. Miller","indicators":["funnel account"],
                 "transactions":[%s],"releasedTo":[],"tlp":"TLP:AMBER","handlingCode":"H2"}""".formatted(transactions));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String report = idOf(reported);

        logout();
        login("us.finance");
        browser.get(base + "/#/finance/reports/" + report);
        waitText(By.id("report-h"), "STR");
        // the trail from the first account: two wires, one across the border, drawn and tabulated
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trace .graph canvas")));
        waitText(By.id("trace"), "Totals per country");
        assertThat(text(By.id("trace"))).contains("CN").contains("US").contains("Harbour Imports LLC")
                .contains("ACCT:CN:ICBKCNBJ:" + shenzhen).doesNotContain("null");
        assertThat(text(By.id("transactions"))).contains("Pacific Freight Inc (US)").doesNotContain("null");
        noConsoleErrors("transaction report");
        accessible("transaction report");
        screenshot("money-trail");
        screenshot("money-trail-graph", "trace");
        logout();
    }

    private void caseScenario() throws Exception {
        // an investigator opens a case; adding a partner is not offered to them yet, its rule is shown instead
        login("cn.investigator");
        waitText(By.id("my-cases-h"), "My cases");
        String title = "Operation Kingfisher " + System.nanoTime();
        WebElement open = browser.findElement(By.cssSelector("form[aria-label='Open a case']"));
        open.findElement(By.name("title")).sendKeys(title);
        open.findElement(By.name("summary")).sendKeys("Fentanyl precursors through a transshipment port");
        open.findElement(By.cssSelector("button[type=submit]")).click();
        waitText(By.id("case-h"), title);
        String caseId = browser.getCurrentUrl().replaceAll(".*#/cases/", "");
        assertThat(browser.findElements(By.cssSelector("form[aria-label='Add a partner agency']"))).isEmpty();
        assertThat(text(By.tagName("main"))).contains("You cannot add a partner: adding one needs a supervisor of the "
                + "lead agency or the case's lead investigator.");
        assertThat(text(By.cssSelector("[data-test=partners]"))).isEqualTo("None.");

        // as the officer who opened it, they make themselves its lead investigator, who may add a partner
        WebElement addMember = browser.findElement(By.cssSelector("form[aria-label='Add a member']"));
        addMember.findElement(By.name("username")).sendKeys("cn.investigator");
        new Select(addMember.findElement(By.name("role"))).selectByValue("LEAD_INVESTIGATOR");
        addMember.findElement(By.cssSelector("button[type=submit]")).click();
        waitText(By.cssSelector("#members table"), "LEAD_INVESTIGATOR");
        assertThat(text(By.tagName("main"))).contains("Adding a partner needs a supervisor of the lead agency or the "
                + "case's lead investigator.");
        WebElement addPartner = browser.findElement(By.cssSelector("form[aria-label='Add a partner agency']"));
        addPartner.findElement(By.name("agency")).sendKeys("US-DEA");
        addPartner.findElement(By.cssSelector("button[type=submit]")).click();
        waitText(By.cssSelector("[data-test=partners]"), "US-DEA");
        waitText(By.id("history"), "Case partner added");
        noConsoleErrors("case page");
        accessible("case page");
        screenshot("case");

        // the time slider one step back: the case as it was before the partner, read-only
        WebElement slider = browser.findElement(By.cssSelector("[data-test=time-slider]"));
        slider.sendKeys(Keys.ARROW_LEFT);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".as-of")));
        waitText(By.cssSelector("[data-test=partners]"), "None.");
        assertThat(text(By.cssSelector(".as-of"))).startsWith("As of ");
        assertThat(text(By.id("slider-value"))).startsWith("event 2 of 3: Case member added");
        assertThat(text(By.cssSelector("#members table"))).contains("cn.investigator").contains("LEAD_INVESTIGATOR");
        assertThat(browser.findElements(By.cssSelector("form[aria-label='Add a partner agency']")))
                .as("no action on a past state").isEmpty();
        accessible("case page as of an earlier event");
        screenshot("case-as-of");
        browser.findElement(By.xpath("//button[text()='Back to now']")).click();
        waitText(By.cssSelector("[data-test=partners]"), "US-DEA");
        assertThat(browser.findElements(By.cssSelector(".as-of"))).isEmpty();

        browser.get(base + "/#/");
        waitText(By.id("my-cases-h"), "My cases");
        waitText(By.id("my-cases"), title);
        noConsoleErrors("work lists");
        accessible("work lists");
        screenshot("work-lists");
        browser.get(base + "/#/cases/" + caseId);
        waitText(By.id("case-h"), title);

        // every label translated; the page in Chinese
        assertThat((List<?>) ((JavascriptExecutor) browser).executeAsyncScript(
                "import('/console/i18n.js').then(m => arguments[0](m.untranslated()))")).isEmpty();
        new Select(browser.findElement(By.id("language"))).selectByValue("zh");
        waitText(By.id("case-h"), "案件");
        assertThat(text(By.id("header"))).contains("退出登录").contains("Asia/Shanghai");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        noConsoleErrors("case page in Chinese");
        accessible("case page in Chinese");
        screenshot("case-zh");
        new Select(browser.findElement(By.id("language"))).selectByValue("en");

        // US-DEA sees the case now
        logout();
        login("us.investigator");
        waitText(By.id("agency-cases"), title);
        browser.get(base + "/#/cases/" + caseId);
        waitText(By.id("case-h"), title);
        assertThat(text(By.cssSelector("[data-test=partners]"))).isEqualTo("US-DEA");
        assertThat(browser.findElements(By.cssSelector("form[aria-label='Add a partner agency']"))).isEmpty();
        noConsoleErrors("case page of a partner");

        // the auditor verifies the case in the browser, as audit-verifier.jar does
        logout();
        login("auditor");
        browser.get(base + "/#/audit/verify/" + caseId);
        String verdict = verified();
        noConsoleErrors("audit page");
        accessible("audit page");
        screenshot("audit");
        screenshot("audit-verdict", "verify");
        Matcher checkpoint = Pattern.compile("verified against checkpoint (\\d+) ").matcher(verdict);
        assertThat(checkpoint.find()).as(verdict).isTrue();
        HttpResponse<String> export = RunningPlatform.gateway().get("/api/audit/export?itemId=" + caseId + "&treeSize="
                + checkpoint.group(1), RunningPlatform.token("auditor"));
        assertThat(export.statusCode()).isEqualTo(200);
        Path bundle = screenshots.resolve("console-bundle.json");
        Files.writeString(bundle, export.body());
        assertThat(verifier(bundle)).isEqualTo("0 " + verdict);
        assertThat(verdict).contains("personal fields encrypted, 0 of them erased");

        // the same bundle stating the key of its personal fields destroyed (the exporter's statement, before the
        // events as the exporter writes it): the browser and the jar both count them erased, and both still verify
        ObjectNode erasing = (ObjectNode) RunningPlatform.parse(export.body());
        JsonNode entries = erasing.remove("events");
        List<String> personalKeys = new ArrayList<>();
        for (JsonNode entry : entries) {
            byte[] stored = Base64.getDecoder().decode(entry.path("event").path("payload").asText());
            RunningPlatform.parse(new String(stored, StandardCharsets.UTF_8)).findValuesAsText("$personal").forEach(personalKeys::add);
        }
        assertThat(personalKeys).as("the case's title and summary are stored as personal data").isNotEmpty();
        erasing.putArray("erasedKeys").add(personalKeys.get(0));
        erasing.set("events", entries);
        Path erased = screenshots.resolve("console-bundle-erased.json");
        Files.writeString(erased, RunningPlatform.JSON.writeValueAsString(erasing));
        String jarOnErased = verifier(erased);
        assertThat(jarOnErased).startsWith("0 OK: ").doesNotContain(", 0 of them erased");
        browser.findElement(By.name("bundle")).sendKeys(erased.toString());
        waiting().until(d -> ("0 " + text(By.cssSelector("[data-test=verdict]"))).equals(jarOnErased));

        // a bundle whose first event was changed (its TLP label; the title is stored encrypted, as personal data):
        // the same FAILED verdict in the browser and from the jar
        ObjectNode tampered = (ObjectNode) RunningPlatform.parse(export.body());
        ObjectNode first = (ObjectNode) tampered.withArray("events").get(0).get("event");
        String payload = new String(Base64.getDecoder().decode(first.get("payload").asText()), StandardCharsets.UTF_8);
        String changed = payload.replace("TLP:AMBER", "TLP:CLEAR");
        assertThat(changed).as("the opened event's payload names its TLP label").isNotEqualTo(payload);
        first.put("payload", Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8)));
        Path forged = screenshots.resolve("console-bundle-tampered.json");
        Files.writeString(forged, RunningPlatform.JSON.writeValueAsString(tampered));
        browser.findElement(By.name("bundle")).sendKeys(forged.toString());
        waiting().until(d -> text(By.cssSelector("[data-test=verdict]")).startsWith("FAILED: "));
        String failed = text(By.cssSelector("[data-test=verdict]"));
        assertThat(failed).contains("does not match the content hash the log committed");
        assertThat(verifier(forged)).isEqualTo("1 " + failed);
        noConsoleErrors("audit page, tampered bundle");
        screenshot("audit-tampered");
    }

    /**
     * Keycloak's login page, as a person fills it in; back on the console once the code was exchanged. After a logout
     * the browser is on that page already (the console sent it there): it is not loaded a second time.
     * <p>
     * Chromium's renderer has stopped answering during a sign-in's navigations now and then on this two-core machine
     * (chromedriver: "Timed out receiving message from renderer: 60.000"; 4 of 12 runs on 2026-12-05, at the Sign In
     * click and at the console's redirect to Keycloak: the navigation to Keycloak starts and gets no answer, while
     * Keycloak logged nothing; why is not known). Then the sign-in is done once more in a new browser, but only after
     * the gateway and Keycloak have each answered a plain request within 5 s: a server that hangs still fails the test.
     */
    private static void login(String username) {
        try {
            signIn(username);
        } catch (org.openqa.selenium.TimeoutException rendererHung) {
            System.out.println("[console] the browser hung during " + username + "'s sign-in (" + rendererHung.getMessage()
                    .lines().findFirst().orElse("") + "); the servers answer, so again in a new browser");
            assertThat(answersWithin5s(base + "/console/config.json")).as("the gateway answers").isEqualTo(200);
            assertThat(answersWithin5s(RunningPlatform.issuer() + "/.well-known/openid-configuration"))
                    .as("Keycloak answers").isEqualTo(200);
            browser.quit();
            browser = newBrowser();
            signIn(username);
        }
    }

    private static int answersWithin5s(String url) {
        return RunningPlatform.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(Duration.ofSeconds(5)).GET().build()).statusCode();
    }

    private static void signIn(String username) {
        if (browser.findElements(By.id("username")).isEmpty()) browser.get(base + "/");
        waiting().until(d -> !d.findElements(By.id("username")).isEmpty()
                || !d.findElements(By.cssSelector("[data-test=user]")).isEmpty());
        if (browser.findElements(By.id("username")).isEmpty()) logout(); // someone else's session, from a test before
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("kc-login")).click();
        waitText(By.cssSelector("[data-test=user]"), username);
    }

    private static void logout() {
        browser.findElement(By.xpath("//button[text()='Log out']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
    }

    /** Verifies until a complete checkpoint covers the case (the notary runs every few seconds): the verdict. */
    private static String verified() {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (true) {
            waiting().until(d -> {
                String shown = text(By.cssSelector("[data-test=verdict]"));
                return !shown.isEmpty() && !shown.equals("Loading…");
            });
            String verdict = text(By.cssSelector("[data-test=verdict]"));
            if (verdict.startsWith("OK: ") || System.nanoTime() > deadline) {
                assertThat(verdict).startsWith("OK: ");
                return verdict;
            }
            sleep(3000);
            browser.findElement(By.cssSelector("form[aria-label='Verify an item'] button[type=submit]")).click();
        }
    }

    /** The new item's id: the last segment of its Location. */
    private static String idOf(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String transaction(String number, String date, String amount, String currency, String from, String to) {
        return "{\"number\":\"%s\",\"date\":\"%s\",\"amount\":%s,\"currency\":\"%s\",\"mode\":\"WIRE\",%s,%s}"
                .formatted(number, date, amount, currency, from, to);
    }

    private static String account(String side, String holder, String number, String bankId, String country) {
        return (holder == null ? "" : "\"%sName\":\"%s\",".formatted(side, holder))
                + "\"%sAccount\":{\"number\":\"%s\",\"bankId\":\"%s\",\"country\":\"%s\"}".formatted(side, number, bankId, country);
    }

    /** The item at path as token's caller sees it, once it shows what is awaited (views follow events shortly after). */
    private static JsonNode awaitJson(String path, String token, java.util.function.Predicate<JsonNode> awaited) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = RunningPlatform.gateway().get(path, token);
            if (response.statusCode() == 200 && awaited.test(RunningPlatform.parse(response.body()))) {
                return RunningPlatform.parse(response.body());
            }
            assertThat(System.nanoTime()).as("waiting for " + path + ": " + response.statusCode() + " " + response.body())
                    .isLessThan(deadline);
            sleep(500);
        }
    }

    /** audit-verifier.jar under the same trust policy the console was given (the agencies' development keys). */
    private static String verifier(Path bundle) throws Exception {
        Path keys = RunningPlatform.platform().options().workDir().resolve("keys");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", RunningPlatform.platform().options().root().resolve("audit/target/audit-verifier.jar").toString(),
                "--origin", "jointops", "--key", "CN-NNCC=" + keys.resolve("cn-nncc.pub.pem"),
                "--key", "US-DEA=" + keys.resolve("us-dea.pub.pem"), bundle.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() + " " + output.lines().findFirst().orElse("");
    }

    /** axe-core on the page as shown: no serious or critical violation. */
    private static void accessible(String page) {
        JavascriptExecutor js = browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) js.executeScript(axe);
        String violations = (String) js.executeAsyncScript("const done = arguments[0];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations"
                + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))))");
        List<JsonNode> serious = new ArrayList<>();
        for (JsonNode violation : RunningPlatform.parse(violations)) {
            String impact = violation.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) serious.add(violation);
            else System.out.println("[axe] " + page + ": " + impact + " " + violation); // moderate and minor: told, not failed
        }
        assertThat(serious).as("serious or critical accessibility violations on the " + page).isEmpty();
    }

    /**
     * The page as a person first sees it on a laptop screen (its top, name.png) and the whole page (name-full.png,
     * Chromium's capture beyond the window).
     */
    private static void screenshot(String name) throws IOException {
        browser.executeScript("window.scrollTo(0, 0)");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        capture(name + "-full", "return [0, 0, document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
    }

    /** The element of that id as it is drawn, however far it reaches beyond the window (name.png). */
    private static void screenshot(String name, String id) throws IOException {
        browser.findElement(By.id(id)); // there
        capture(name, "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]", id);
    }

    /** Chromium's screenshot of the page's area [x, y, width, height] that script answers, beyond the window too. */
    private static void capture(String name, String script, Object... arguments) throws IOException {
        List<?> area = (List<?>) browser.executeScript(script, arguments);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", area.get(0), "y", area.get(1), "width", area.get(2),
                        "height", area.get(3), "scale", 1)));
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * Nothing the console logged as an error since the last look (a script error, a refused request, an attribute the
     * browser rejects): the browser's log is read, and so emptied, each time.
     */
    private static void noConsoleErrors(String page) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
        assertThat(errors).as("errors in the browser's console on the " + page).isEmpty();
    }

    /** A wait of up to 30 s that looks again where the page redrew what it looked at. */
    private static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class);
    }

    /** Waits until the first element found shows expected. */
    private static void waitText(By locator, String expected) {
        waiting().until(d -> {
            List<WebElement> found = d.findElements(locator);
            return !found.isEmpty() && found.get(0).getText().contains(expected);
        });
    }

    private static String text(By locator) {
        return browser.findElement(locator).getText().trim();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
