package io.jointops.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files handed over with a bundle: an evidence file and a dossier verify only as the files the bundle's events logged;
 * an altered file, or one whose event the bundle withholds, fails and is named.
 */
class HandedOverFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileVerifiesOnlyAsTheFileAProvenEventLogged() throws Exception {
        Path photo = Files.write(dir.resolve("seizure.jpg"), "JPEG bytes of a seizure photo".getBytes());
        Path dossier = Files.write(dir.resolve("dossier.pdf"), "%PDF-1.7 the dossier".getBytes());
        SyntheticLog log = new SyntheticLog("CN-NNCC", "US-DEA").events(30, 3);
        log.append("case-1", HandedOverFiles.EVIDENCE_ADDED, "{\"itemId\":\"case-1\",\"fileId\":\"f-1\",\"sha256\":\""
                + HandedOverFiles.sha256(photo) + "\",\"size\":29,\"contentType\":\"image/jpeg\","
                + "\"originalName\":\"seizure.jpg\",\"addedBy\":\"cn.investigator\",\"agency\":\"CN-NNCC\"}");
        log.events(10, 3);
        log.append("case-1", HandedOverFiles.DOSSIER_PRODUCED, "{\"caseId\":\"case-1\",\"dossierId\":\"d-1\",\"sha256\":\""
                + HandedOverFiles.sha256(dossier) + "\",\"size\":20,\"treeSize\":41,\"producedBy\":\"us.analyst\","
                + "\"agency\":\"US-DEA\"}");
        // a file's hash named in another kind of event (a note quoting it) proves nothing
        Path quoted = Files.write(dir.resolve("quoted.txt"), "only quoted".getBytes());
        log.append("case-1", "io.jointops.api.cases.CaseNoteAddedEvent", "{\"caseId\":\"case-1\",\"sha256\":\""
                + HandedOverFiles.sha256(quoted) + "\"}");
        log.checkpoint();
        Path bundle = write(log.item("case-1"), "case-1.json");
        Path policy = Files.writeString(dir.resolve("policy.txt"), log.policy().text());

        assertThat(cli("--policy", policy.toString(), "--file", photo.toString(), "--file=" + dossier, bundle.toString()))
                .startsWith("0 OK: ")
                .contains("FILE " + photo + ": SHA-256 " + HandedOverFiles.sha256(photo) + " is evidence file f-1 "
                        + "'seizure.jpg' (image/jpeg, 29 bytes), added by cn.investigator of CN-NNCC (event ")
                .contains("FILE " + dossier + ": SHA-256 " + HandedOverFiles.sha256(dossier) + " is dossier d-1 of "
                        + "case case-1, produced for US-DEA by us.analyst (event ");

        Files.write(photo, "JPEG bytes of a seizure photX".getBytes());
        assertThat(cli("--policy", policy.toString(), "--file", photo.toString(), bundle.toString()))
                .startsWith("1 FAILED: the file " + photo + " (SHA-256 ").contains("is not a file the bundle's events logged")
                .doesNotContain("OK:");
        assertThat(cli("--policy", policy.toString(), "--file", quoted.toString(), bundle.toString()))
                .startsWith("1 FAILED: the file " + quoted);
        assertThat(cli("--policy", policy.toString(), "--file", dir.resolve("absent.pdf").toString(), bundle.toString()))
                .startsWith("2 FAILED: no such file: " + dir.resolve("absent.pdf"));

        // where the recipient may not see the event that logged it, the bundle does not prove the file either
        long added = log.item("case-1").events().stream().map(Bundle.Entry::event)
                .filter(event -> event.payloadType().equals(HandedOverFiles.EVIDENCE_ADDED))
                .findFirst().orElseThrow().sequenceNumber();
        Path withheld = write(log.itemFor("case-1", sequence -> sequence != added), "withheld.json");
        assertThat(cli("--policy", policy.toString(), "--file", dossier.toString(), withheld.toString()))
                .startsWith("0 OK: ");
        assertThat(cli("--policy", policy.toString(), "--file", dossier.toString(), "--file", photo.toString(),
                withheld.toString())).startsWith("1 FAILED: the file " + photo);
    }

    @Test
    void aFileIsProvenByTheEventThatSharedItWhereTheOneThatAddedItIsWithheld() throws Exception {
        Path photo = Files.write(dir.resolve("seizure.jpg"), "JPEG bytes of a draft's photo".getBytes());
        String hash = HandedOverFiles.sha256(photo);
        SyntheticLog log = new SyntheticLog("CN-NNCC", "US-DEA").events(12, 2);
        log.append("report-1", HandedOverFiles.EVIDENCE_ADDED, "{\"itemId\":\"report-1\",\"fileId\":\"f-1\",\"sha256\":\""
                + hash + "\",\"originalName\":\"seizure.jpg\",\"addedBy\":\"cn.investigator\",\"agency\":\"CN-NNCC\"}");
        log.append("report-1", HandedOverFiles.EVIDENCE_SHARED, "{\"itemId\":\"report-1\",\"fileId\":\"f-1\",\"sha256\":\""
                + hash + "\",\"agency\":\"US-DEA\",\"by\":\"cn.supervisor\"}");
        log.checkpoint();
        Path policy = Files.writeString(dir.resolve("policy.txt"), log.policy().text());
        long added = log.item("report-1").events().stream().map(Bundle.Entry::event)
                .filter(event -> event.payloadType().equals(HandedOverFiles.EVIDENCE_ADDED))
                .findFirst().orElseThrow().sequenceNumber();
        Path recipients = write(log.itemFor("report-1", sequence -> sequence != added), "recipient.json");
        assertThat(cli("--policy", policy.toString(), "--file", photo.toString(), recipients.toString()))
                .startsWith("0 OK: ").contains("FILE " + photo + ": SHA-256 " + hash
                        + " is evidence file f-1 of report-1, shared with US-DEA (event ");
        Files.write(photo, "JPEG bytes of a draft's photX".getBytes());
        assertThat(cli("--policy", policy.toString(), "--file", photo.toString(), recipients.toString()))
                .startsWith("1 FAILED: the file " + photo);
    }

    @Test
    void aNameStoredAsPersonalDataIsSaidToBeSoAndTheHashStillMatches() throws Exception {
        Path scan = Files.write(dir.resolve("scan.pdf"), "%PDF-1.7 a scan".getBytes());
        SyntheticLog log = new SyntheticLog("CN-NNCC", "US-DEA").events(6, 2);
        log.append("case-9", HandedOverFiles.EVIDENCE_ADDED, "{\"itemId\":\"case-9\",\"fileId\":\"f-9\",\"sha256\":\""
                + HandedOverFiles.sha256(scan) + "\",\"size\":15,\"contentType\":\"application/pdf\",\"originalName\":"
                + "{\"$personal\":\"k-1\",\"ciphertext\":\"AAAA\"},\"addedBy\":\"cn.investigator\",\"agency\":\"CN-NNCC\"}");
        log.checkpoint();
        Path bundle = write(log.item("case-9"), "case-9.json");
        Path policy = Files.writeString(dir.resolve("policy.txt"), log.policy().text());
        assertThat(cli("--policy", policy.toString(), "--file", scan.toString(), bundle.toString()))
                .startsWith("0 OK: ").contains("is evidence file f-9 (name stored encrypted as personal data) "
                        + "(application/pdf, 15 bytes), added by cn.investigator of CN-NNCC");
    }

    private Path write(Bundle bundle, String name) throws Exception {
        Path file = dir.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            Bundles.write(bundle, bundle.events().iterator(), out);
        }
        return file;
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifierCli.run(args, new PrintStream(out), new PrintStream(err));
        return status + " " + out + err;
    }
}
