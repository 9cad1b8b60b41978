package io.jointops.infra.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, part 4, end to end through the gateway with real tokens: CN-NNCC's case with partner US-DEA, a note in
 * Chinese, CN-NNCC's own TLP:RED note and a seizure photo. US-DEA's dossier renders (Debian's pdftoppm turns its pages
 * into images), its text (PDFBox) holds the Chinese and English text, the photo's SHA-256 and the checkpoint, and not
 * CN-NNCC's TLP:RED note; the bundle attached to it verifies with the verifier jar together with the photo, and an
 * altered photo fails; an agency the case is not visible to gets 404.
 */
@ExtendWith(RunningPlatform.class)
class CaseDossierIT {

    static RunningPlatform.Gateway gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aPartnersDossierRendersShowsWhatItMaySeeAndItsBundleVerifiesWithTheEvidenceFile() throws Exception {
        String cn = RunningPlatform.token("cn.supervisor");
        String us = RunningPlatform.token("us.investigator");
        long run = System.nanoTime();
        String chinese = "嫌疑人在广州港转运芬太尼前体 " + run;
        String secret = "CN-ONLY-INFORMANT-" + run;
        HttpResponse<String> opened = gateway.post("/api/cases", cn, Map.of("title", "Operation 夜鹰 Nightjar " + run,
                "summary", "芬太尼前体经转运港走私 Fentanyl precursors via transshipment", "partnerAgencies",
                List.of("US-DEA"), "tlp", "TLP:AMBER", "handlingCode", "H1"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertThat(gateway.post(location + "/notes", cn, Map.of("text", chinese, "tlp", "TLP:AMBER")).statusCode())
                .isEqualTo(201);
        assertThat(gateway.post(location + "/notes", cn, Map.of("text", secret, "tlp", "TLP:RED")).statusCode())
                .isEqualTo(201);
        byte[] photo = png();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        HttpResponse<String> uploaded = RunningPlatform.send(HttpRequest.newBuilder(gateway.uri(location
                        + "/evidence?name=" + URLEncoder.encode("扣押照片-seizure.png", StandardCharsets.UTF_8)
                        + "&reason=" + URLEncoder.encode("查获现场 scene of the seizure", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + cn).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String file = uploaded.headers().firstValue("Location").orElseThrow();
        assertThat(bytes(file + "/content", us).statusCode()).isEqualTo(200);

        // the notary takes events in every 10 s and both agencies sign: wait (on the export, which records nothing)
        // until a checkpoint covers every event of the case, the photo's too; before the first one, 404
        HttpResponse<String> export = gateway.get(location + "/export", us);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        while ((export.statusCode() == 404 || RunningPlatform.parse(export.body()).path("eventsAfterCheckpoint").asLong() > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            export = gateway.get(location + "/export", us);
        }
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        HttpResponse<byte[]> answer = bytes(location + "/dossier", us);
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        byte[] dossier = answer.body();
        assertThat(answer.headers().firstValue("Repr-Digest").orElseThrow()).isEqualTo("sha-256=:"
                + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(dossier)) + ":");

        Path dir = Files.createDirectories(RunningPlatform.platform().options().root()
                .resolve("infra/target/e2e/dossier-" + run));
        Path pdfFile = Files.write(dir.resolve("dossier.pdf"), dossier);
        Path photoFile = Files.write(dir.resolve("seizure.png"), photo);

        // rendered as a reader renders it: every page an image, the first with ink on it
        Process render = new ProcessBuilder("pdftoppm", "-r", "60", "-png", pdfFile.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        String rendered = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(render.waitFor()).as("pdftoppm: " + rendered).isZero();
        List<Path> pages;
        try (var listing = Files.list(dir)) {
            pages = listing.filter(p -> p.getFileName().toString().startsWith("page")).sorted().toList();
        }
        assertThat(pages).isNotEmpty();
        BufferedImage first = ImageIO.read(pages.get(0).toFile());
        assertThat(first.getWidth()).isGreaterThan(400);
        assertThat(inked(first)).as("dark pixels on page 1").isGreaterThan(2000);

        String text;
        byte[] bundle;
        String rootHash;
        try (PDDocument pdf = Loader.loadPDF(dossier)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(pages.size());
            text = new PDFTextStripper().getText(pdf);
            Map<String, PDComplexFileSpecification> attached = new PDDocumentNameDictionary(pdf.getDocumentCatalog())
                    .getEmbeddedFiles().getNames();
            PDComplexFileSpecification spec = attached.values().stream()
                    .filter(s -> s.getFilename().equals("audit-case-" + idOf(location) + ".json")).findFirst().orElseThrow();
            bundle = spec.getEmbeddedFile().toByteArray();
            var checkpoints = RunningPlatform.parse(new String(bundle, StandardCharsets.UTF_8)).path("checkpoints");
            rootHash = checkpoints.get(checkpoints.size() - 1).path("rootHash").asText();
        }
        assertThat(text).contains("案件卷宗", "Case Dossier", "案件摘要", "Case summary", "时间线", "Timeline",
                        "证据清单", "Evidence files", "附录", "Appendix")
                .contains(chinese, "Operation 夜鹰 Nightjar " + run, "扣押照片-seizure.png", sha)
                .contains(rootHash, "制作对象 for US-DEA")
                .doesNotContain(secret);
        assertThat(new String(bundle, StandardCharsets.UTF_8)).doesNotContain(secret);

        // the attached bundle, verified offline with the photo handed over; an altered photo is not the logged one
        Path bundleFile = Files.write(dir.resolve("bundle.json"), bundle);
        Path keys = RunningPlatform.platform().options().workDir().resolve("keys");
        String[] policy = {"--origin", "jointops", "--key", "CN-NNCC=" + keys.resolve("cn-nncc.pub.pem"),
                "--key", "US-DEA=" + keys.resolve("us-dea.pub.pem")};
        assertThat(verifier(policy, "--file", photoFile.toString(), bundleFile.toString()))
                .startsWith("0 OK: ").contains("(1 withheld: content hash only) of item " + idOf(location))
                .contains("FILE " + photoFile + ": SHA-256 " + sha + " is evidence file ")
                .contains("(image/png, " + photo.length + " bytes), added by cn.supervisor of CN-NNCC");
        byte[] altered = photo.clone();
        altered[altered.length / 2] ^= 1;
        Path alteredFile = Files.write(dir.resolve("altered.png"), altered);
        assertThat(verifier(policy, "--file", alteredFile.toString(), bundleFile.toString()))
                .startsWith("1 FAILED: the file " + alteredFile);

        // an agency the case is not visible to: 404, and nothing of the case
        HttpResponse<byte[]> outsider = bytes(location + "/dossier", RunningPlatform.token("mx.investigator"));
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(new String(outsider.body(), StandardCharsets.UTF_8)).doesNotContain("Nightjar").doesNotContain(secret);
    }

    private static HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return RunningPlatform.http().send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long inked(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                dark += c.getRed() + c.getGreen() + c.getBlue() < 300 ? 1 : 0;
            }
        }
        return dark;
    }

    /** A small real PNG: the upload sniffs the type from the bytes. */
    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(180, 40, 40));
        graphics.fillRect(8, 8, 40, 24);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Runs the standalone verifier jar; its exit status, a space, and what it printed. */
    private static String verifier(String[] policy, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                RunningPlatform.platform().options().root().resolve("audit/target/audit-verifier.jar").toString()));
        command.addAll(List.of(policy));
        command.addAll(List.of(args));
        Process verifier = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return verifier.waitFor() + " " + output;
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
