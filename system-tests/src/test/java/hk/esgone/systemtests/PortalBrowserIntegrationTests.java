package hk.esgone.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import hk.esgone.testsupport.elasticsearch.TestElasticsearch;
import hk.esgone.testsupport.keycloak.TestKeycloak;
import hk.esgone.testsupport.mongo.TestMongo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The portal in a real browser (Debian's Chromium through chromedriver, driven by Selenium), in front of the whole
 * marketplace as packaged: a buyer finds {@code 綠色 包裝} suppliers, narrows them with a facet, opens a name from the
 * autocomplete with the keyboard, reads a profile, compares two suppliers, switches to 中文, signs in through
 * Keycloak's own login page, sees the account menu and signs out; the pages fit a 360 px phone; error pages are
 * friendly in both languages. axe-core runs on every page visited, in both languages, and must find no serious or
 * critical violation. Screenshots (English and Chinese, 1280 and 360 px) go to target/screenshots.
 * <p>
 * Skipped where no Chromium is installed, except under {@code CI=true} (where that fails).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIntegrationTests {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static Map<String, RunningApp> apps = Map.of();
    private static String site;
    private static ChromeDriver browser;
    private static String chromiumBinary;
    private static String chromedriverBinary;
    private static ObjectNode clientBefore;
    private static String axeSource;
    private static final List<String> axeFindings = new ArrayList<>();

    @BeforeAll
    static void startTheMarketplaceAndABrowser() throws IOException {
        String chromium = find(System.getenv("CHROMIUM_BIN"), CHROMIUM);
        String chromedriver = find(System.getenv("CHROMEDRIVER_BIN"), DRIVER);
        if (chromium == null || chromedriver == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the browser tests: apt-get install chromium chromium-driver");
            }
            Assumptions.abort("No Chromium or chromedriver: apt-get install chromium chromium-driver to run the browser tests");
        }
        String axe = System.getenv("AXE_CORE_JS");
        Path axePath = axe != null ? Path.of(axe) : Path.of(System.getProperty("esg.repository.root", ".."), ".local/node/node_modules/axe-core/axe.min.js");
        assertThat(axePath).as("axe-core (dev/test installs it: dev/lib/node.sh)").exists();
        axeSource = Files.readString(axePath);

        String issuer = TestKeycloak.issuer();
        String mongo = TestMongo.uri();
        Path badgeKeys = Files.createTempDirectory("portal-badge-keys-");
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String module : List.of("badge-service", "directory-service", "offers-service", "assessment-service", "web", "gateway")) {
            ports.put(module, RunningApp.freePort());
        }
        String badgeUrl = "http://127.0.0.1:" + ports.get("badge-service");
        String directoryUrl = "http://127.0.0.1:" + ports.get("directory-service");
        String offersUrl = "http://127.0.0.1:" + ports.get("offers-service");
        String assessmentUrl = "http://127.0.0.1:" + ports.get("assessment-service");
        String webUrl = "http://127.0.0.1:" + ports.get("web");
        site = "http://localhost:" + ports.get("gateway");
        Map<String, Map<String, String>> env = Map.of(
                "badge-service", Map.of("MONGODB_URI", mongo, "MONGODB_DATABASE", "badges-portal" + RUN, "KEYCLOAK_ISSUER", issuer,
                        "ESG_BADGE_KEY_DIR", badgeKeys.toString(), "ESG_BADGE_PUBLIC_URL", site, "DIRECTORY_URL", directoryUrl,
                        "ESG_BADGE_DEMO_DATA", "true", "ESG_BADGE_WIDGET_POLL", "2s"),
                "directory-service", Map.ofEntries(Map.entry("MONGODB_URI", mongo), Map.entry("MONGODB_DATABASE", "directory-portal" + RUN),
                        Map.entry("KEYCLOAK_URL", TestKeycloak.url()), Map.entry("KEYCLOAK_ISSUER", issuer),
                        Map.entry("ELASTICSEARCH_URL", TestElasticsearch.url()), Map.entry("ESG_DIRECTORY_INDEX_PREFIX", "portal" + RUN),
                        Map.entry("BADGE_URL", badgeUrl), Map.entry("ESG_DIRECTORY_BADGEFEED_POLLINTERVAL", "1s"),
                        Map.entry("ESG_DIRECTORY_DEMO_DATA", "true"), Map.entry("ESG_DIRECTORY_DEMO_COUNT", "300"),
                        Map.entry("ASSESSMENT_URL", assessmentUrl), Map.entry("ESG_DIRECTORY_ASSESSMENT_FEED_INTERVAL", "1s")),
                "offers-service", Map.of("MONGODB_URI", mongo, "MONGODB_DATABASE", "offers-portal" + RUN, "KEYCLOAK_ISSUER", issuer,
                        "BADGE_URL", badgeUrl, "DIRECTORY_URL", directoryUrl, "ESG_OFFERS_DEMO_DATA", "true"),
                "assessment-service", Map.of("MONGODB_URI", mongo, "MONGODB_DATABASE", "assessments-portal" + RUN,
                        "KEYCLOAK_URL", TestKeycloak.url(), "KEYCLOAK_ISSUER", issuer, "ESG_ASSESSMENT_DEMO_DATA", "false",
                        "BADGE_URL", badgeUrl, "DIRECTORY_URL", directoryUrl, "OFFERS_URL", offersUrl,
                        "ESG_ASSESSMENT_BADGES_INTERVAL", "2s"),
                "web", Map.of("KEYCLOAK_URL", TestKeycloak.url(), "KEYCLOAK_ISSUER", issuer, "ESG_WEB_PUBLIC_URL", site,
                        "DIRECTORY_URL", directoryUrl, "OFFERS_URL", offersUrl, "BADGE_URL", badgeUrl, "ASSESSMENT_URL", assessmentUrl),
                "gateway", Map.of("DIRECTORY_URL", directoryUrl, "OFFERS_URL", offersUrl, "BADGE_URL", badgeUrl, "WEB_URL", webUrl,
                        "ASSESSMENT_URL", assessmentUrl, "KEYCLOAK_ISSUER", issuer));
        clientBefore = TestKeycloak.updateClient(TestKeycloak.PORTAL_CLIENT_ID, client -> {
            client.withArray("redirectUris").add(site + "/login/oauth2/code/keycloak");
            ObjectNode attributes = client.withObject("attributes");
            attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asString("") + "##" + site + "/");
        });
        apps = RunningApp.startAll(ports, env);

        chromiumBinary = chromium;
        chromedriverBinary = chromedriver;
        browser = newBrowser();
        Files.createDirectories(SCREENSHOTS);
        awaitSearchable();
    }

    /** A new headless Chromium with an empty profile (no cookies: nobody signed in). */
    private static ChromeDriver newBrowser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(chromedriverBinary).toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromiumBinary);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Someone else's work at their own desk: the steps run in another browser, then this one is back as it was. */
    private static void inAnotherBrowser(Runnable steps) {
        ChromeDriver mine = browser;
        browser = newBrowser();
        try {
            steps.run();
        } finally {
            browser.quit();
            browser = mine;
        }
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        apps.values().forEach(RunningApp::close);
        if (clientBefore != null) {
            TestKeycloak.restoreClient(clientBefore);
        }
    }

    @Test
    @Order(1)
    void theHomePageShowsTheMarketplaceAndASearchBox() {
        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Find certified green suppliers");
        assertThat(browser.findElements(By.cssSelector(".figures .figure"))).hasSize(3)
                .allSatisfy(figure -> assertThat(figure.getText()).matches("[0-9,]+\\+?"));
        look("home");
    }

    @Test
    @Order(2)
    void aBuyerFindsGreenPackagingSuppliersAndNarrowsThemWithAFacet() {
        open("/");
        WebElement box = browser.findElement(By.id("home-q"));
        box.sendKeys("綠色 包裝");
        box.submit();
        waitFor(ExpectedConditions.urlContains("/search?q="));
        List<WebElement> hits = browser.findElements(By.cssSelector(".hit"));
        assertThat(hits).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".hit mark")).getText()).isIn("綠色", "包裝", "綠色包裝");
        String countBefore = browser.findElement(By.cssSelector(".result-count")).getText();
        look("search");

        WebElement facet = browser.findElement(By.cssSelector(".facets fieldset input[name='location']"));
        facet.click();
        waitFor(ExpectedConditions.urlContains("location="));
        waitFor(driver -> !driver.findElements(By.cssSelector(".result-count")).isEmpty()
                && !driver.findElement(By.cssSelector(".result-count")).getText().equals(countBefore));
        assertThat(browser.findElement(By.cssSelector(".facets input[name='location']:checked"))).isNotNull();
        browser.navigate().back();
        waitFor(driver -> !driver.getCurrentUrl().contains("location="));
    }

    @Test
    @Order(3)
    void theAutocompleteWorksWithTheKeyboard() {
        open("/search");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Demo Gre");
        waitFor(driver -> !driver.findElements(By.cssSelector("#suggestions [role='option']")).isEmpty());
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("suggestion-0");
        box.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/companies/cmp-"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }

    @Test
    @Order(4)
    void aProfileShowsCredentialsAndTheScorecardAndTwoSuppliersAreCompared() {
        open("/companies/cmp-demo-supplier");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector("svg.radar"))).isNotNull();
        assertThat(browser.findElements(By.cssSelector(".scorecard table tbody tr"))).hasSize(4);
        assertThat(browser.getPageSource()).contains("application/ld+json", "og:title");
        look("profile");

        browser.findElement(By.linkText("Compare with others")).click();
        waitFor(ExpectedConditions.urlContains("/compare?id=cmp-demo-supplier"));
        browser.findElement(By.partialLinkText("Add another supplier")).click();
        waitFor(ExpectedConditions.urlContains("compare=cmp-demo-supplier"));
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("包裝");
        box.sendKeys(Keys.ESCAPE);
        box.submit();
        waitFor(ExpectedConditions.urlContains("q="));
        waitFor(driver -> driver.findElements(By.cssSelector(".hit")).size() > 1);
        @SuppressWarnings("unchecked")
        List<String> compareLinks = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('.hit .compare-link')).map(function (a) { return a.href; });");
        String other = compareLinks.stream().filter(href -> !href.endsWith("id=cmp-demo-supplier")).findFirst().orElseThrow();
        assertThat(other).contains("id=cmp-demo-supplier&id=cmp-");
        browser.get(other);
        waitFor(ExpectedConditions.urlContains("/compare?id=cmp-demo-supplier&id=cmp-"));
        assertThat(browser.findElements(By.cssSelector(".compare-table thead th"))).hasSize(2);
        look("compare");
    }

    @Test
    @Order(5)
    void theWholeSiteSwitchesToChineseAndBack() {
        open("/search?q=%E7%B6%A0%E8%89%B2");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("尋找供應商");
        assertThat(browser.getCurrentUrl()).contains("/search?q=");
        for (String path : List.of("/", "/search?q=%E7%B6%A0%E8%89%B2%20%E5%8C%85%E8%A3%9D", "/companies/cmp-demo-supplier",
                "/compare?id=cmp-demo-supplier&id=cmp-demo-supplier-2", "/solutions", "/offers", "/check")) {
            open(path);
            look(path.equals("/") ? "home" : path.substring(1).replaceAll("[^a-z]+.*", ""));
        }
        switchTo("en");
    }

    @Test
    @Order(6)
    void theOtherPublicPagesPassTheAccessibilityCheck() {
        open("/offers");
        look("offers");
        String offer = browser.findElement(By.cssSelector(".offer-card a")).getAttribute("href");
        browser.get(offer);
        assertThat(browser.findElement(By.linkText("Sign in to claim"))).isNotNull();
        look("offer");
        open("/solutions");
        look("solutions");
        open("/companies/cmp-demo-supplier");
        String badge = browser.findElement(By.cssSelector(".badge-list a")).getAttribute("href");
        open("/check?badge=" + badge);
        assertThat(browser.findElement(By.cssSelector(".verdict h2")).getText()).isEqualTo("Valid");
        look("check");
        browser.get(badge);
        look("badge-page");
    }

    @Test
    @Order(7)
    void aPersonSignsInThroughKeycloakSeesTheAccountMenuAndSignsOut() {
        signIn(TestKeycloak.SME);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        WebElement menu = browser.findElement(By.cssSelector(".account-menu summary"));
        assertThat(menu.getText()).isNotBlank();
        menu.click();
        assertThat(browser.findElement(By.linkText("My account")).isDisplayed()).isTrue();
        assertThat(browser.manage().getCookies()).noneMatch(cookie -> cookie.getValue().startsWith("eyJ"));
        look("home-signed-in");
        // the SME's own pages: offers the company may claim and its claims
        open("/workspace/offers");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Offers for my company");
        look("workspace-offers");
        open("/workspace/claims");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My claims and codes");
        look("workspace-claims");
        // its badges: live status, embed code with a copy button, previews in both languages, allowed websites
        open("/workspace/badges");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My badges");
        assertThat(browser.findElements(By.cssSelector("article.badge-card"))).isNotEmpty();
        assertThat(browser.findElement(By.id("script-0")).getAttribute("value")).contains("/widget/badge.js", "data-badge-id=\"bdg-");
        browser.findElement(By.cssSelector("button[data-copy='script-0']")).click();
        waitFor(driver -> "Copied to the clipboard.".equals(driver.findElement(By.id("copy-status")).getText()));
        browser.manage().window().setSize(new Dimension(1280, 2400)); // the whole page in its screenshots
        look("workspace-badges");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我的電子徽章");
        look("workspace-badges");
        browser.manage().window().setSize(new Dimension(360, 2400));
        try {
            for (String lang : List.of("zh-Hant", "en")) {
                if (!lang.equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
                    switchTo(lang);
                }
                fitsAPhone("360-workspace-badges-" + lang);
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        open("/");
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        browser.findElement(By.cssSelector(".account-menu form button")).click();
        // the page signed out from is "/" too: wait for the signed-out page itself (after Keycloak's sign-out), not the URL
        waitFor(driver -> !driver.findElements(By.linkText("Sign in")).isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(site + "/");
        assertThat(browser.findElement(By.linkText("Sign in")).isDisplayed()).isTrue();
    }

    @Test
    @Order(8)
    void thePagesFitAPhoneAndErrorsAreFriendly() {
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            for (String path : List.of("/", "/search?q=%E7%B6%A0%E8%89%B2%20%E5%8C%85%E8%A3%9D", "/companies/cmp-demo-supplier",
                    "/compare?id=cmp-demo-supplier&id=cmp-demo-supplier-2", "/offers", "/check")) {
                open(path);
                Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
                assertThat(width.intValue()).as("%s at 360 px scrolls sideways", path).isLessThanOrEqualTo(360);
                screenshot("360-" + (path.equals("/") ? "home" : path.substring(1).replaceAll("[^a-z]+.*", "")));
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        open("/companies/cmp-no-such-company");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        look("not-found");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("找不到網頁");
        look("not-found");
        browser.findElement(By.cssSelector("a.lang-switch")).click();
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    /** Signs in from the home page through Keycloak's login form as the demo account {@code username}. */
    private static void signIn(String username) {
        signIn(username, TestKeycloak.DEMO_PASSWORD);
    }

    private static void signIn(String username, String password) {
        open("/");
        browser.findElement(By.linkText("Sign in")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(username);
        // Keycloak may ask for the password on the same page or, for organization members, on a second one
        for (int step = 0; step < 4 && !browser.getCurrentUrl().startsWith(site); step++) {
            List<WebElement> field = browser.findElements(By.id("password"));
            if (!field.isEmpty() && emptyAndShown(field.getFirst())) {
                field.getFirst().sendKeys(password);
            }
            browser.findElement(By.id("kc-login")).click();
            waitFor(driver -> driver.getCurrentUrl().startsWith(site)
                    || driver.findElements(By.id("password")).stream().anyMatch(PortalBrowserIntegrationTests::emptyAndShown));
            screenshot("keycloak-step-" + step);
        }
    }

    /**
     * An empty field on the page. Keycloak's second login page replaces the first while it is read, and an element of
     * the page being left then fails ("stale", or "does not belong to the document"): it counts as not shown, and the
     * caller looks again.
     */
    private static boolean emptyAndShown(WebElement field) {
        try {
            return field.isDisplayed() && field.getAttribute("value").isEmpty();
        } catch (org.openqa.selenium.WebDriverException replaced) {
            return false;
        }
    }

    @Test
    @Order(9)
    void councilStaffReviewTheApplicationsQueue() {
        signIn(TestKeycloak.ADMIN);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/admin/applications");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Company applications");
        look("workspace-applications");
        open("/workspace/admin/applications?status=PUBLISHED");
        assertThat(browser.findElements(By.cssSelector("article.application"))).isNotEmpty();
        browser.findElement(By.cssSelector("article.application details summary")).click();
        look("workspace-applications-published");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("公司申請");
        look("workspace-applications-published");
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            fitsAPhone("360-workspace-applications-zh-Hant");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        switchTo("en");
        // partners' offers: the review queue and the listed ones, with the withdraw form's confirmation
        open("/workspace/admin/offers");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Partner offers");
        look("workspace-offer-reviews");
        open("/workspace/admin/offers?status=PUBLISHED");
        assertThat(browser.findElements(By.cssSelector("article.application"))).isNotEmpty();
        browser.findElement(By.cssSelector("article.application .actions details summary")).click();
        look("workspace-offer-reviews-published");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("合作夥伴優惠");
        look("workspace-offer-reviews-published");
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            fitsAPhone("360-workspace-offer-reviews-zh-Hant");
            switchTo("en");
            fitsAPhone("360-workspace-offer-reviews-en");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    /**
     * The marketplace's whole daily work, clicked through by the people whose work it is, with one new company
     * throughout: a newcomer registers at Keycloak and applies; staff approve in their own browser, and the newcomer,
     * still signed in, finds the company's workspace open without signing in again; the new member completes the
     * profile and meets a colleague's edit saved in between; a buyer finds the company; the partner writes an offer for
     * holders of a badge, is told to upload its codes before sending it, has the code pool refused for its one bad
     * line, then taken, and sends it; staff approve the offer and issue the company that badge; the member copies the
     * embed code onto the company's website (another origin), where the widget shows it valid, claims the offer with a
     * double click (one claim) and copies the code; the partner pastes it, confirms the redemption and exports the
     * claims; staff revoke the badge — and the member's badge page, the widget on the open website and the offer's
     * eligibility all change.
     */
    @Test
    @Order(10)
    void theWholeJourneyFromRegisteringToARevokedBadgeIsClickedThrough() throws Exception {
        Newcomer newcomer = aNewcomerRegistersAtKeycloakAppliesForTheCompanyAndStaffApproveIt();
        theMemberCompletesTheProfileAndMeetsAColleaguesEditSavedInBetween(newcomer);
        aBuyerFindsTheCompany(newcomer);
        String offer = thePartnerWritesAnOfferForHoldersOfABadgeAndSubmitsIt();
        String badge = staffApproveTheOfferAndIssueTheCompanyTheBadge(newcomer, offer);
        try (OtherWebsite website = OtherWebsite.start()) {
            String mainWindow = browser.getWindowHandle();
            signIn(newcomer.email(), newcomer.password());
            String websiteWindow = theMemberPutsTheBadgeOnTheCompanysWebsite(badge, website);
            browser.switchTo().window(mainWindow);
            String code = theMemberClaimsTheOfferWithADoubleClick(offer);
            signOut();
            thePartnerConfirmsTheRedemptionAndExportsTheClaims(offer, code);
            staffRevokeTheBadge(newcomer, badge);
            theBadgeTheWidgetAndTheOffersEligibilityChange(newcomer, badge, offer, mainWindow, websiteWindow);
        }
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    /** The new company's member as they signed up, and the company. */
    private record Newcomer(String email, String password, String company, String name) {
    }

    private static final String BADGE_TYPE = "ach-cleaner-production-partner-2026";
    private static final String OFFER_TITLE = "Solar panel audit " + RUN;

    private Newcomer aNewcomerRegistersAtKeycloakAppliesForTheCompanyAndStaffApproveIt() {
        signOut();
        // from the home page's entry for SMEs to Keycloak's own registration form, and back to the portal's form
        open("/");
        browser.findElement(By.linkText("Register my company")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.cssSelector("#kc-registration a")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-register-form")));
        String email = "newcomer-" + RUN + "@example.org";
        String password = "Green-" + RUN + "-pass";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("firstName")).sendKeys("Mei");
        browser.findElement(By.id("lastName")).sendKeys("Chan");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("password-confirm")).sendKeys(password);
        screenshot("keycloak-register");
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/register"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Register my company");

        // the number is checked as it is typed (htmx); the first try has a slip in it
        browser.findElement(By.cssSelector("input[name=kind][value=SUPPLIER]")).click();
        WebElement br = browser.findElement(By.id("brNumber"));
        br.sendKeys("1234567");
        waitFor(driver -> driver.findElement(By.id("number-check")).getText().contains("8 digits"));
        String number = String.format("%08d", Math.floorMod(RUN.hashCode(), 90_000_000) + 10_000_000);
        br.clear();
        br.sendKeys(number);
        waitFor(driver -> driver.findElement(By.id("number-check")).getText().equals("A well-formed Hong Kong BR number."));
        String name = "Newcomer Green Works " + RUN;
        browser.findElement(By.id("nameEn")).sendKeys(name);
        browser.findElement(By.id("nameZh")).sendKeys("新來綠色工程");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("industry"))).selectByValue("F");
        browser.findElement(By.cssSelector("input[name=locations][value=KWUN_TONG]")).click();
        browser.manage().window().setSize(new Dimension(1280, 2600));
        look("workspace-register");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登記我的公司");
        look("workspace-register");
        browser.manage().window().setSize(new Dimension(360, 3200));
        try {
            fitsAPhone("360-workspace-register-zh-Hant");
            switchTo("en");
            fitsAPhone("360-workspace-register-en");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }

        // the language switch reloaded an empty form: what the portal checks is said before anything is sent
        browser.findElement(By.cssSelector(".register-form button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("Registration number", "Name", "Industry", "Locations");
        look("workspace-register-refused");
        browser.findElement(By.cssSelector("input[name=kind][value=SUPPLIER]")).click();
        browser.findElement(By.id("brNumber")).sendKeys(number);
        browser.findElement(By.id("nameEn")).sendKeys(name);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("industry"))).selectByValue("F");
        browser.findElement(By.cssSelector("input[name=locations][value=KWUN_TONG]")).click();
        browser.findElement(By.cssSelector(".register-form button[type=submit]")).click();
        waitFor(driver -> driver.getCurrentUrl().startsWith(site + "/account?applied="));
        String company = browser.getCurrentUrl().replaceAll(".*applied=([^#&]+).*", "$1");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).startsWith("Application sent.");
        assertThat(browser.findElement(By.id(company)).getText()).contains(name, "Waiting for a decision");
        look("account-applied");

        // staff approve it at their own desk (another browser) while the newcomer stays signed in; directory-service
        // makes the company an organization in Keycloak with the newcomer in it
        inAnotherBrowser(() -> {
            signIn(TestKeycloak.ADMIN);
            waitFor(ExpectedConditions.urlToBe(site + "/"));
            open("/workspace/admin/applications?status=SUBMITTED");
            browser.findElement(By.cssSelector("form[action='/workspace/admin/companies/" + company + "/approve'] button")).click();
            waitFor(driver -> driver.getCurrentUrl().contains("done="));
            // listed once Keycloak has the organization (at once, or at the directory's next retry)
            long listed = System.nanoTime() + WAIT.toNanos();
            do {
                open("/workspace/admin/applications?status=PUBLISHED");
            } while (browser.findElements(By.cssSelector("form[action='/workspace/admin/companies/" + company + "/suspend']")).isEmpty()
                    && System.nanoTime() < listed);
            assertThat(browser.findElements(By.cssSelector("form[action='/workspace/admin/companies/" + company + "/suspend']"))).isNotEmpty();
        });

        // the newcomer, still signed in, sees the decision and the company's workspace without signing in again
        open("/account");
        assertThat(browser.findElement(By.id(company)).getText()).contains("Approved and listed in the directory.");
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        assertThat(browser.findElement(By.linkText("My badges")).isDisplayed()).as("the newcomer is now a member of an SME").isTrue();
        look("account-approved");

        return new Newcomer(email, password, company, name);
    }

    private void theMemberCompletesTheProfileAndMeetsAColleaguesEditSavedInBetween(Newcomer newcomer) {
        browser.findElement(By.linkText("Company profile")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/profile"));
        String mine = browser.getWindowHandle();
        // meanwhile a colleague (the same account, in another tab) saves the company's website
        browser.switchTo().newWindow(WindowType.TAB);
        open("/workspace/profile");
        WebElement theirs = browser.findElement(By.id("website"));
        theirs.clear();
        theirs.sendKeys("https://colleague-" + RUN + ".example.org");
        browser.findElement(By.cssSelector(".register-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/profile?saved=1"));
        browser.close();
        browser.switchTo().window(mine);

        // the member's edit, on the version read before the colleague's: a certification and another website
        new Select(browser.findElement(By.id("cert0.code"))).selectByValue("ISO_14001");
        browser.findElement(By.id("cert0.number")).sendKeys("EMS-" + RUN);
        browser.findElement(By.id("cert0.issuer")).sendKeys("HKQAA");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('cert0.validUntil').value = '2029-03-31';");
        WebElement website = browser.findElement(By.id("website"));
        website.clear();
        website.sendKeys("https://newcomer-" + RUN + ".example.org");
        browser.manage().window().setSize(new Dimension(1280, 3000));
        look("workspace-profile");
        browser.findElement(By.cssSelector(".register-form button[type=submit]")).click();
        // nothing is saved over the colleague's edit: the page shows what differs and keeps what was typed
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("conflict")));
        assertThat(browser.findElement(By.id("conflict")).getText())
                .contains("Someone saved this profile after you opened it", "https://colleague-" + RUN + ".example.org",
                        "https://newcomer-" + RUN + ".example.org");
        assertThat(browser.findElement(By.id("cert0.number")).getAttribute("value")).isEqualTo("EMS-" + RUN);
        look("workspace-profile-conflict");
        // saving again applies the member's edit on top of the colleague's
        browser.findElement(By.cssSelector(".register-form button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/profile?saved=1"));
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).startsWith("Saved.");
        assertThat(browser.findElement(By.id("cert0.number")).getAttribute("value")).isEqualTo("EMS-" + RUN);
        assertThat(browser.findElement(By.id("website")).getAttribute("value")).isEqualTo("https://newcomer-" + RUN + ".example.org");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("公司資料");
        look("workspace-profile");
        browser.manage().window().setSize(new Dimension(360, 4000));
        try {
            fitsAPhone("360-workspace-profile-zh-Hant");
            switchTo("en");
            fitsAPhone("360-workspace-profile-en");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        signOut();
    }

    private void aBuyerFindsTheCompany(Newcomer newcomer) {
        // a buyer, signed in or not, searches by name (the directory indexes the company once it is listed)
        By hit = By.cssSelector(".hit-name a[href='/companies/" + newcomer.company() + "']");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            open("/");
            WebElement box = browser.findElement(By.id("home-q"));
            box.sendKeys(newcomer.name());
            box.submit();
            waitFor(ExpectedConditions.urlContains("/search?q="));
        } while (browser.findElements(hit).isEmpty() && System.nanoTime() < deadline && pause());
        assertThat(browser.findElements(hit)).as("the new company among the hits").isNotEmpty();
        browser.findElement(hit).click();
        waitFor(ExpectedConditions.urlToBe(site + "/companies/" + newcomer.company()));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(newcomer.name(), "EMS-" + RUN);
    }

    private String thePartnerWritesAnOfferForHoldersOfABadgeAndSubmitsIt() throws IOException {
        signIn(TestKeycloak.PARTNER);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/partner/offers");
        browser.findElement(By.linkText("New offer")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/partner/offers/new"));
        browser.findElement(By.id("titleEn")).sendKeys(OFFER_TITLE);
        browser.findElement(By.id("titleZh")).sendKeys("太陽能板審核 " + RUN);
        browser.findElement(By.id("descriptionEn")).sendKeys("A rooftop solar survey for holders of the Cleaner Production Partner badge.");
        browser.findElement(By.id("descriptionZh")).sendKeys("為清潔生產伙伴徽章持有者提供天台太陽能評估。");
        new Select(browser.findElement(By.id("type"))).selectByValue("PERCENTAGE_DISCOUNT");
        browser.findElement(By.id("value")).sendKeys("15");
        new Select(browser.findElement(By.id("category"))).selectByIndex(1);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Hong_Kong"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('validFrom').value = arguments[0];"
                + "document.getElementById('validUntil').value = arguments[1];", today.toString(), today.plusDays(60).toString());
        for (var field : Map.of("quota", "20", "perCompanyLimit", "2").entrySet()) {
            browser.findElement(By.id(field.getKey())).clear();
            browser.findElement(By.id(field.getKey())).sendKeys(field.getValue());
        }
        browser.findElement(By.id("achievement")).sendKeys(BADGE_TYPE);
        browser.findElement(By.cssSelector("input[name=method][value=CODE_POOL]")).click();
        browser.findElement(By.id("termsEn")).sendKeys("One survey per claim. Redeem within 30 days.");
        browser.findElement(By.id("termsZh")).sendKeys("每次領取可獲一次評估。請於 30 日內使用。");
        browser.findElement(By.cssSelector("button[value=save]")).click();
        waitFor(driver -> driver.getCurrentUrl().matches(".*/workspace/partner/offers/off-[^/]+/edit\\?saved=1"));
        String offer = browser.getCurrentUrl().replaceAll(".*/workspace/partner/offers/(off-[^/]+)/edit.*", "$1");
        browser.manage().window().setSize(new Dimension(1280, 3000));
        look("workspace-partner-offer-draft");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        // sent for approval too early: an offer redeemed with the partner's own codes needs them first
        browser.findElement(By.cssSelector("button[value=submit]")).click();
        waitFor(ExpectedConditions.urlContains("refused="));
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("Saved, but not sent for approval");
        browser.findElement(By.linkText("Upload the codes")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/partner/offers/" + offer + "/codes"));
        thePartnerUploadsACodePoolWithOneBadLineThenTheCorrectedOne(offer);
        browser.findElement(By.cssSelector("nav.tabs a[href='/workspace/partner/offers/" + offer + "/edit']")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/partner/offers/" + offer + "/edit"));
        browser.findElement(By.cssSelector("button[value=submit]")).click();
        waitFor(ExpectedConditions.urlContains("done=submitted"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(OFFER_TITLE);
        signOut();
        return offer;
    }

    private String staffApproveTheOfferAndIssueTheCompanyTheBadge(Newcomer newcomer, String offer) {
        signIn(TestKeycloak.ADMIN);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/admin/offers");
        browser.findElement(By.cssSelector("form[action='/workspace/admin/offers/" + offer + "/approve'] button")).click();
        waitFor(ExpectedConditions.urlContains("done="));

        open("/workspace/admin/badges");
        browser.findElement(By.cssSelector("#issue summary")).click();
        new Select(browser.findElement(By.id("issue-achievement"))).selectByValue(BADGE_TYPE);
        browser.findElement(By.id("issue-company")).sendKeys(newcomer.company());
        look("workspace-admin-badges-issue");
        browser.findElement(By.cssSelector("#issue button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("done=issued"));
        String badge = browser.getCurrentUrl().replaceAll(".*[?&]badge=(bdg-[^&#]+).*", "$1");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).contains(badge);
        signOut();
        return badge;
    }

    private void thePartnerUploadsACodePoolWithOneBadLineThenTheCorrectedOne(String offer) throws IOException {
        Path withASlip = Files.writeString(Files.createTempFile("codes-", ".csv"),
                "SOLAR-" + RUN + "-01\nSOLAR-" + RUN + "-02\nnot a code!\nSOLAR-" + RUN + "-03\n");
        browser.findElement(By.id("file")).sendKeys(withASlip.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("No code was added", "3", "Not a code");
        look("workspace-partner-codes-refused");
        Path corrected = Files.writeString(Files.createTempFile("codes-", ".csv"), java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(n -> "SOLAR-" + RUN + "-0" + n + "\n").collect(java.util.stream.Collectors.joining()));
        browser.findElement(By.id("file")).sendKeys(corrected.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector(".notice.success")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).isEqualTo("5 code(s) added to the pool.");
        // 20 places and 5 codes: the page says the pool runs low
        assertThat(browser.findElement(By.cssSelector(".low-stock")).getText()).startsWith("Running low: 15 more code(s)");
        look("workspace-partner-codes");
    }

    /** The member copies the badge's embed code and pastes it into the company's website; returns that window. */
    private String theMemberPutsTheBadgeOnTheCompanysWebsite(String badge, OtherWebsite website) {
        open("/workspace/badges");
        WebElement card = browser.findElement(By.id(badge));
        assertThat(card.findElement(By.cssSelector(".status")).getText()).isEqualTo("Valid");
        WebElement embed = card.findElement(By.cssSelector("details.embed"));
        if (embed.getAttribute("open") == null) {
            embed.findElement(By.tagName("summary")).click();
        }
        String snippet = card.findElement(By.cssSelector("textarea[id^='script-']")).getAttribute("value");
        card.findElement(By.cssSelector("button[data-copy^='script-']")).click();
        waitFor(driver -> "Copied to the clipboard.".equals(driver.findElement(By.id("copy-status")).getText()));

        // the company's own website, on another origin: its editor takes the code pasted from the clipboard
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(website.url() + "edit");
        WebElement pasteHere = browser.findElement(By.id("snippet"));
        pasteHere.click();
        pasteHere.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        assertThat(pasteHere.getAttribute("value")).as("what the clipboard held").isEqualTo(snippet);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(website.url()));
        waitFor(driver -> "VALID".equals(widgetStatus()));
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('esg-one-badge').shadowRoot.querySelector('a').textContent")).contains("Verified");
        screenshot("website-widget-valid");
        return browser.getWindowHandle();
    }

    private static String widgetStatus() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var w = document.querySelector('esg-one-badge'); return w ? w.getAttribute('data-status') : null;");
    }

    private String theMemberClaimsTheOfferWithADoubleClick(String offer) throws IOException, InterruptedException {
        open("/workspace/offers");
        By claim = By.cssSelector("form[action='/workspace/offers/" + offer + "/claim'] button[type=submit]");
        assertThat(browser.findElements(claim)).as("the offer is open to the badge's holder").hasSize(1);
        look("workspace-offers-eligible");
        new Actions(browser).doubleClick(browser.findElement(claim)).perform();
        waitFor(ExpectedConditions.urlContains("/workspace/claims"));
        By rows = By.xpath("//tbody/tr[td/a[@href='/offers/" + offer + "']]");
        assertThat(browser.findElements(rows)).as("claims of the offer after a double click").hasSize(1);
        WebElement row = browser.findElement(rows);
        row.findElement(By.tagName("summary")).click();
        String code = row.findElement(By.cssSelector("code.claim-code")).getText();
        assertThat(code).startsWith("SOLAR-" + RUN + "-0");
        // copied, to hand to the partner when the survey is booked
        row.findElement(By.cssSelector("button[data-copy]")).click();
        waitFor(driver -> "Copied to the clipboard.".equals(driver.findElement(By.id("copy-status")).getText()));
        look("workspace-claims-claimed");
        JsonNode figures = api("GET", "/api/v1/offers/partner/offers/" + offer + "/figures", TestKeycloak.demoToken(TestKeycloak.PARTNER));
        assertThat(figures.findValue("claimed").asInt()).as("claims counted by offers-service").isEqualTo(1);
        return code;
    }

    private void thePartnerConfirmsTheRedemptionAndExportsTheClaims(String offer, String code) {
        signIn(TestKeycloak.PARTNER);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/partner/claims?offer=" + offer);
        // the code the member copied, pasted (the same browser's clipboard stands in for the member handing it over)
        WebElement field = browser.findElement(By.id("code"));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        assertThat(field.getAttribute("value")).as("the code pasted from the clipboard").isEqualTo(code);
        browser.findElement(By.cssSelector("form[action='/workspace/partner/claims/redeem'] button[type=submit]")).click();
        waitFor(driver -> !driver.findElements(By.cssSelector(".notice.success")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).isEqualTo("Code " + code + " is now marked as redeemed.");
        look("workspace-partner-claims-redeemed");
        String export = browser.findElement(By.cssSelector("a[href$='/workspace/partner/offers/" + offer + "/claims/export']"))
                .getAttribute("href");
        String csv = (String) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                + "  return r.ok ? r.text() : 'status ' + r.status; }).then(done).catch(function (e) { done('failed ' + e); });", export);
        assertThat(csv.lines().filter(line -> line.contains(code)).toList()).as("the export's line of the claim")
                .singleElement().asString().contains("REDEEMED");
        signOut();
    }

    private void staffRevokeTheBadge(Newcomer newcomer, String badge) {
        signIn(TestKeycloak.ADMIN);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/admin/badges?company=" + newcomer.company());
        WebElement revoke = browser.findElement(By.id(badge)).findElement(By.xpath(".//details[.//form[contains(@action, '/revoke')]]"));
        revoke.findElement(By.tagName("summary")).click();
        revoke.findElement(By.tagName("textarea")).sendKeys("The cleaner production certificate was withdrawn.");
        WebElement send = revoke.findElement(By.cssSelector("button[type=submit]"));
        // a destructive action: without the tick in the confirmation box the browser does not send it
        send.click();
        assertThat(browser.getCurrentUrl()).doesNotContain("done=");
        revoke.findElement(By.cssSelector("input[name=confirm]")).click();
        look("workspace-admin-badges-revoke");
        send.click();
        waitFor(ExpectedConditions.urlContains("done="));
        assertThat(browser.findElement(By.id(badge)).getText()).contains("Revoked", "The cleaner production certificate was withdrawn.");
        signOut();
    }

    private void theBadgeTheWidgetAndTheOffersEligibilityChange(Newcomer newcomer, String badge, String offer, String mainWindow,
            String websiteWindow) {
        // the company's website, open all along: the widget asks again by itself and says the badge is not valid
        browser.switchTo().window(websiteWindow);
        new WebDriverWait(browser, Duration.ofSeconds(70)).until(driver -> "REVOKED".equals(widgetStatus()));
        assertThat((String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('esg-one-badge').shadowRoot.querySelector('a').textContent")).contains("Not valid");
        screenshot("website-widget-revoked");
        browser.close();
        browser.switchTo().window(mainWindow);

        signIn(newcomer.email(), newcomer.password());
        open("/workspace/badges");
        WebElement status = browser.findElement(By.id(badge)).findElement(By.cssSelector(".status"));
        assertThat(status.getAttribute("class")).contains("not-valid");
        assertThat(status.getText()).isEqualTo("Revoked");
        open("/workspace/offers");
        assertThat(browser.findElements(By.cssSelector("form[action='/workspace/offers/" + offer + "/claim']")))
                .as("the offer can no longer be claimed").isEmpty();
        WebElement notForUs = browser.findElement(By.xpath("//li[contains(@class, 'card')][.//a[@href='/offers/" + offer + "']]"));
        assertThat(notForUs.findElement(By.cssSelector(".reasons")).getText()).isEqualTo("Requires the e-badge " + BADGE_TYPE);
        look("workspace-offers-not-eligible");
        signOut();
    }

    /**
     * The company's own website, on another origin than the marketplace (127.0.0.1 on a free port): an editor page
     * takes pasted HTML ({@code /edit}), and the home page shows it.
     */
    private static final class OtherWebsite implements AutoCloseable {

        private final com.sun.net.httpserver.HttpServer server;
        private volatile String pasted = "";

        private OtherWebsite(com.sun.net.httpserver.HttpServer server) {
            this.server = server;
        }

        static OtherWebsite start() throws IOException {
            var server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            OtherWebsite website = new OtherWebsite(server);
            server.createContext("/", website::handle);
            server.start();
            return website;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/edit") && exchange.getRequestMethod().equals("POST")) {
                String form = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                pasted = java.net.URLDecoder.decode(form.replaceFirst("^snippet=", ""), java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", "/");
                exchange.sendResponseHeaders(303, -1);
                exchange.close();
                return;
            }
            String html = switch (path) {
                case "/edit" -> """
                        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Edit the home page</title></head>
                        <body><form method="post" action="/edit"><label for="snippet">Paste HTML</label>
                        <textarea id="snippet" name="snippet" rows="4" cols="80"></textarea>
                        <button type="submit">Publish</button></form></body></html>
                        """;
                case "/" -> """
                        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our company</title></head>
                        <body><h1>Our company</h1><p>Our ESG credentials, verified live by ESG One:</p>%s</body></html>
                        """.formatted(pasted);
                default -> null;
            };
            byte[] body = (html == null ? "not found" : html).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    @Order(11)
    void aPartnersMemberSeesTheCompanysOffersWithTheirStatus() {
        signIn(TestKeycloak.PARTNER);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        browser.findElement(By.linkText("My company's offers")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/partner/offers"));
        assertThat(browser.findElements(By.cssSelector("article.application"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("article.application code")))
                .allMatch(code -> !code.getText().startsWith("cmp-") || code.getText().equals(TestKeycloak.PARTNER_ORG));
        look("workspace-partner-offers");
        // the offer editor: a new offer's form and its preview in both languages (nothing saved)
        browser.findElement(By.linkText("New offer")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/partner/offers/new"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New offer");
        browser.findElement(By.id("titleEn")).sendKeys("Preview " + RUN);
        browser.findElement(By.id("titleZh")).sendKeys("預覽 " + RUN);
        browser.findElement(By.cssSelector("button[value=preview]")).click();
        waitFor(driver -> !driver.findElements(By.id("preview")).isEmpty());
        assertThat(browser.findElement(By.id("preview")).getText()).contains("Preview " + RUN, "預覽 " + RUN);
        look("workspace-partner-offer-editor");
        open("/workspace/partner/offers");
        switchTo("zh-Hant");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我公司的優惠");
        look("workspace-partner-offers");
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            fitsAPhone("360-workspace-partner-offers-zh-Hant");
            switchTo("en");
            fitsAPhone("360-workspace-partner-offers-en");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        signOut();
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    @Order(12)
    void anSmeAnswersTheWholeAssessmentAndEarnsAScorecardAPdfABadgeAndAPlan() throws IOException {
        signIn(TestKeycloak.SME_2);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        browser.findElement(By.linkText("My ESG assessment")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/workspace/assessment"));
        look("workspace-assessment");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("industry"))).selectByValue("C");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sizeBand"))).selectByValue("SMALL");
        browser.findElement(By.cssSelector("#start-form button[type=submit]")).click();
        waitFor(driver -> driver.getCurrentUrl().matches(".*/workspace/assessment/asm-[^/?#]+.*"));
        String assessment = browser.getCurrentUrl().replaceAll(".*/workspace/assessment/(asm-[^/?#]+).*", "$1");

        // one answer as a person gives it: typed, saved by itself (htmx autosave), said beside the question
        WebElement first = browser.findElement(By.cssSelector("#section-form fieldset.question input[type=radio]"));
        String firstQuestion = first.getAttribute("name").replace(".answer", "");
        first.click();
        waitFor(driver -> driver.findElement(By.id("st-" + firstQuestion)).getText().startsWith("Saved"));
        look("workspace-assessment-wizard");

        // every other question of every section, then the section form saves them together (as without JavaScript)
        for (int section = 0; section < 10; section++) {
            ((JavascriptExecutor) browser).executeScript(FILL_SECTION);
            WebElement next = browser.findElements(By.cssSelector("#section-form button[name=go]")).stream()
                    .filter(b -> b.getText().equals("Next section") || b.getText().equals("Review and submit")).findFirst().orElseThrow();
            boolean last = next.getText().equals("Review and submit");
            String before = browser.getCurrentUrl();
            next.click();
            waitFor(driver -> !driver.getCurrentUrl().equals(before));
            assertThat(browser.findElements(By.cssSelector(".q-status .errors"))).as("answers refused on %s", before).isEmpty();
            if (last) {
                break;
            }
        }
        waitFor(ExpectedConditions.urlContains("/review"));
        look("workspace-assessment-review");

        // evidence for a question whose points stay capped until staff check it: a PDF, attached on its own page
        java.nio.file.Path policy = java.nio.file.Files.createTempFile("anti-corruption-policy-", ".pdf");
        java.nio.file.Files.writeString(policy, "%PDF-1.4\n% anti-corruption policy\ntrailer <<>>\n%%EOF\n");
        open("/workspace/assessment/" + assessment + "/evidence/G04");
        browser.findElement(By.id("evidence-file")).sendKeys(policy.toAbsolutePath().toString());
        look("workspace-assessment-evidence");
        browser.findElement(By.cssSelector("form.evidence-form[enctype='multipart/form-data'] button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("section=G"));
        assertThat(browser.findElement(By.id("q-G04")).getText()).contains(policy.getFileName().toString());
        java.nio.file.Files.delete(policy);
        open("/workspace/assessment/" + assessment + "/review");
        browser.findElement(By.cssSelector("form[action$='/submit'] input[type=checkbox]")).click();
        browser.findElement(By.cssSelector("form[action$='/submit'] button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("/workspace/assessment/" + assessment + "/results"));
        String results = browser.findElement(By.tagName("main")).getText();
        assertThat(results).containsAnyOf("Bronze", "Silver", "Gold", "Platinum");
        assertThat(browser.findElement(By.cssSelector("svg.radar"))).isNotNull();
        browser.manage().window().setSize(new Dimension(1280, 4000));
        look("workspace-assessment-results");
        switchTo("zh-Hant");
        look("workspace-assessment-results");
        browser.manage().window().setSize(new Dimension(360, 4000));
        try {
            fitsAPhone("360-workspace-assessment-results-zh-Hant");
            switchTo("en");
            fitsAPhone("360-workspace-assessment-results-en");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }

        // the PDF, as the browser downloads it with the person's session: a PDF with the company's name inside
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) {"
                        + "  if (!r.ok || r.headers.get('Content-Type').indexOf('application/pdf') !== 0) { done('status ' + r.status); return; }"
                        + "  return r.arrayBuffer().then(function (b) { var s = ''; new Uint8Array(b).forEach(function (c) { s += String.fromCharCode(c); });"
                        + "    done(btoa(s)); }); }).catch(function (e) { done('failed ' + e); });",
                "/workspace/assessment/" + assessment + "/report.pdf?lang=en");
        assertThat(base64).doesNotStartWith("status").doesNotStartWith("failed");
        byte[] pdf = java.util.Base64.getDecoder().decode(base64);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String company;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            open("/companies/" + TestKeycloak.SUPPLIER_ORG_2);
            company = browser.findElement(By.tagName("h1")).getText();
            assertThat(text).contains(company);
        }

        // the scorecard reaches the public profile (directory follows the assessment's feed) and the badges are issued
        // (assessment-service asks badge-service; directory follows badge-service's feed)
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean shown;
        do {
            open("/companies/" + TestKeycloak.SUPPLIER_ORG_2);
            String page = browser.findElement(By.tagName("main")).getText();
            // the level badge of this year's assessment, valid, and the same level in the scorecard
            String levelBadge = "ESG One Scorecard — " + levelIn(results) + " " + java.time.Year.now(java.time.ZoneId.of("Asia/Hong_Kong"));
            shown = browser.findElements(By.cssSelector(".badge-list li")).stream()
                    .anyMatch(li -> li.getText().contains(levelBadge) && li.findElements(By.cssSelector(".valid")).size() == 1)
                    && browser.findElement(By.cssSelector(".scorecard")).getText().contains(levelIn(results));
        } while (!shown && System.nanoTime() < deadline && pause());
        assertThat(shown).as("the profile of %s shows the assessed level and a badge", company).isTrue();
        look("profile-assessed");

        // the improvement plan names service providers and offers (or says why not) on the results page
        open("/workspace/assessment/" + assessment + "/results");
        assertThat(browser.findElement(By.id("improvement-plan")).getText()).isNotBlank();
        // (the breakdown is in a closed <details>: its text is read as the page holds it)
        assertThat(browser.findElement(By.id("q-G04-points")).getAttribute("textContent")).contains("Points capped until staff check the evidence.");
        java.math.BigDecimal before = new java.math.BigDecimal(browser.findElement(By.cssSelector(".level-line .figure")).getText());
        signOut();

        // council staff accept the evidence: the capped points are lifted and the scorecard is scored again
        signIn(TestKeycloak.ADMIN);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/admin/evidence");
        WebElement accept = browser.findElement(By.cssSelector(
                "form[action$='/workspace/admin/evidence/" + assessment + "/G04/accept'] button[type=submit]"));
        look("workspace-admin-evidence");
        accept.click();
        waitFor(ExpectedConditions.stalenessOf(accept));
        signOut();
        signIn(TestKeycloak.SME_2);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/assessment/" + assessment + "/results");
        assertThat(browser.findElement(By.id("q-G04-points")).getAttribute("textContent")).contains("Evidence accepted.");
        java.math.BigDecimal after = new java.math.BigDecimal(browser.findElement(By.cssSelector(".level-line .figure")).getText());
        assertThat(after).as("overall after the evidence was accepted").isGreaterThan(before);
        signOut();
        assertThat(axeFindings).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    @Order(13)
    void anotherCompanysOfferAndClaimAreNotFoundInThePortalAndStayAsTheyWere() throws Exception {
        // partner 1's offer, and a claim of SME 1 (made through the API) to aim at
        String partner1 = TestKeycloak.demoToken(TestKeycloak.PARTNER);
        String offer = api("GET", "/api/v1/offers/partner/offers", partner1).path("items").get(0).path("id").asString();
        String sme1 = TestKeycloak.demoToken(TestKeycloak.SME);
        String claim = null;
        for (JsonNode candidate : api("GET", "/api/v1/offers/catalogue?eligibleForMe=true&limit=50", sme1).path("items")) {
            JsonNode made = api("POST", "/api/v1/offers/" + candidate.path("id").asString() + "/claims", sme1);
            if (made.path("status").asString("").equals("ACTIVE")) {
                claim = made.path("id").asString();
                break;
            }
        }
        assertThat(claim).as("a claim of SME 1").isNotNull();
        String offerBefore = api("GET", "/api/v1/offers/partner/offers/" + offer, partner1).toString();

        // partner 2 opens partner 1's offer in the editor, its code pool and its figures: the page-not-found page
        signIn(TestKeycloak.PARTNER_2);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        for (String page : List.of("/edit", "/codes", "/figures")) {
            open("/workspace/partner/offers/" + offer + page);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isEqualTo("Page not found");
        }
        signOut();

        // SME 2 sends the cancel form with SME 1's claim id (the page offers no such button: the form is forged)
        signIn(TestKeycloak.SME_2);
        waitFor(ExpectedConditions.urlToBe(site + "/"));
        open("/workspace/claims");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var token = document.querySelector('meta[name=csrf-token]').content;"
                + "fetch('/workspace/claims/' + arguments[0] + '/cancel', {method: 'POST', credentials: 'same-origin',"
                + "  headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: '_csrf=' + encodeURIComponent(token)})"
                + ".then(function (r) { done(r.status); }).catch(function (e) { done('failed ' + e); });", claim);
        assertThat(status).isEqualTo(404L);
        signOut();

        // read back through the API: nothing changed
        assertThat(api("GET", "/api/v1/offers/partner/offers/" + offer, partner1).toString()).isEqualTo(offerBefore);
        assertThat(api("GET", "/api/v1/offers/claims/" + claim, sme1).path("status").asString()).isEqualTo("ACTIVE");
    }

    /** A call of the marketplace's API through the gateway with a bearer token (a claim gets a new Idempotency-Key). */
    private static JsonNode api(String method, String path, String token) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(site + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            request.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
        }
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            return JsonMapper.shared().readTree(http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    /** Answers every question of the section on the page without firing a save per answer (the section form saves). */
    private static final String FILL_SECTION = """
            document.querySelectorAll('#section-form fieldset.question').forEach(function (q) {
              var yes = q.querySelector('input[type=radio][value=true]');
              var radio = q.querySelector('input[type=radio]');
              var box = q.querySelector('input[type=checkbox][name$=".answer"]');
              var field = q.querySelector('input[type=text][name$=".answer"]');
              var text = q.querySelector('textarea[name$=".answer"]');
              if (yes) { yes.checked = true; } else if (radio) { radio.checked = true; }
              if (box) { box.checked = true; }
              if (field && !field.value) { field.value = field.closest('.q-input').textContent.indexOf('%') >= 0 ? '40' : '1200'; }
              if (text && !text.value) { text.value = 'We keep a written policy and review it every year.'; }
            });
            """;

    private static String levelIn(String results) {
        for (String level : List.of("Platinum", "Gold", "Silver", "Bronze")) {
            if (results.contains(level)) {
                return level;
            }
        }
        throw new AssertionError("no level on the results page");
    }

    private static boolean pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** Signs out with the account menu's button, when someone is signed in. */
    private static void signOut() {
        open("/");
        if (browser.findElements(By.cssSelector(".account-menu summary")).isEmpty()) {
            return;
        }
        browser.findElement(By.cssSelector(".account-menu summary")).click();
        browser.findElement(By.cssSelector(".account-menu form button")).click();
        waitFor(driver -> !driver.findElements(By.linkText("Sign in")).isEmpty());
    }

    /** Switches the page to {@code lang} with the header's link and waits for it. */
    private static void switchTo(String lang) {
        browser.findElement(By.cssSelector("a.lang-switch")).click();
        waitFor(driver -> lang.equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** The page as it is now does not scroll sideways in the window's width (a phone's, 360 px); and its screenshot. */
    private static void fitsAPhone(String name) {
        Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).as("%s scrolls sideways", name).isLessThanOrEqualTo(360);
        screenshot(name);
    }

    private static void open(String path) {
        browser.get(site + path);
        waitFor(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** axe-core on the page as it is now, and a screenshot; findings are gathered and asserted at the end. */
    private static void look(String name) {
        ((JavascriptExecutor) browser).executeScript(axeSource);
        Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + "  done(JSON.stringify(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return {id: v.id, impact: v.impact, targets: v.nodes.map(function (n) { return n.target.join(' '); })}; })));"
                        + "}).catch(function (e) { done('[{\"id\":\"axe-failed\",\"impact\":\"critical\",\"targets\":[\"' + e + '\"]}]'); });");
        JsonNode violations = JsonMapper.shared().readTree(String.valueOf(result));
        String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
        for (JsonNode violation : violations) {
            axeFindings.add(name + " (" + lang + ", " + browser.getCurrentUrl() + "): " + violation.path("id").asString() + " "
                    + violation.path("impact").asString() + " " + violation.path("targets"));
        }
        screenshot(name + "-" + lang + "-1280");
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T waitFor(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        // a page that is navigating away can drop an element between finding and reading it: look again
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** The demo companies are indexed in the background after the directory starts. */
    private static void awaitSearchable() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            browser.get(site + "/search?q=%E7%B6%A0%E8%89%B2%20%E5%8C%85%E8%A3%9D");
            if (!browser.findElements(By.cssSelector(".hit")).isEmpty()) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("the demo companies were not searchable within 120 s");
    }

    private static String find(String preferred, List<String> candidates) {
        if (preferred != null && Files.isExecutable(Path.of(preferred))) {
            return preferred;
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
    }
}
