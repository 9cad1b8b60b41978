package io.jointops.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.jointops.api.shared.Identifies.Kind.PERSON_NAME;
import static io.jointops.api.shared.Identifies.Kind.PHONE_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The codec of personal fields: what is encrypted, under which subject, and how a destroyed key reads.
 */
class PersonalDataTest {

    record Contact(@Identifies(kind = PHONE_NUMBER, countryFrom = "country") @Personal String phone,
                   @NonPersonal String country) {
    }

    record Suspect(@Identifies(kind = PERSON_NAME) @Personal String name,
                   @Personal(subjectFrom = "name") String alias,
                   List<Contact> contacts) {
    }

    @NonPersonal
    record SuspectNamed(String caseId, Suspect suspect, @Personal String note, @Personal List<String> remarks,
                        String agency) {
    }

    record Broken(@Personal Integer age) {
    }

    record BrokenSibling(@Personal(subjectFrom = "nothing") String alias) {
    }

    static final ItemRef CASE_1 = new ItemRef("case-1", "JointCase", "CN-NNCC");
    static final ItemRef CASE_2 = new ItemRef("case-2", "JointCase", "US-DEA");
    static final ObjectMapper JSON = new ObjectMapper();

    final MemorySubjectKeys keys = new MemorySubjectKeys();
    final PersonalData personalData = new PersonalData(keys);
    final PersonalDataSerializer serializer = new PersonalDataSerializer(JacksonSerializer.defaultSerializer(),
            personalData);

    static SuspectNamed event(String caseId, String name, String phone) {
        return new SuspectNamed(caseId, new Suspect(name, "the chemist",
                List.of(new Contact(phone, "US"))), "met " + name + " at the port", List.of("armed", "left-handed"),
                "CN-NNCC");
    }

    @Test
    void personalFieldsAreStoredOnlyAsCiphertextAndReadBackAsWritten() throws Exception {
        SuspectNamed written = event("case-1", "Zhang Wei", "202-555-0143");
        byte[] stored = serializer.serialize(written, byte[].class, CASE_1).getData();
        String text = new String(stored, StandardCharsets.UTF_8);

        // whole values: a short one ("555") turns up by chance in the random key ids and ciphertexts
        assertThat(text).doesNotContain("Zhang", "chemist", "555-0143", "5550143", "met ", "armed", "left-handed")
                .contains("\"caseId\":\"case-1\"", "\"agency\":\"CN-NNCC\"", "\"country\":\"US\"");
        JsonNode json = JSON.readTree(stored);
        assertThat(PersonalData.keyIds(json)).as("name, alias, phone, note, two remarks").hasSize(6);
        assertThat(json.path("suspect").path("name").has(PersonalData.MARK)).isTrue();

        SuspectNamed read = serializer.deserialize(stored(stored));
        assertThat(read).isEqualTo(written);
    }

    @Test
    void oneSubjectIsOneIdentifierInItsNormalFormWhereverAndHoweverItIsWritten() {
        Subjects subjects = personalData.subjects();
        assertThat(subjects.ofIdentifier(PERSON_NAME, "Zhang Wei", null))
                .isEqualTo(subjects.ofIdentifier(PERSON_NAME, "  ZHANG   WEI. ", null))
                .isNotEqualTo(subjects.ofIdentifier(PERSON_NAME, "Zhang Min", null))
                .doesNotContain("ZHANG", "zhang");
        assertThat(subjects.ofIdentifier(PHONE_NUMBER, "202-555-0143", "US"))
                .isEqualTo(subjects.ofIdentifier(PHONE_NUMBER, "+1 202 555 0143", null));
        assertThat(subjects.ofIdentifier(PERSON_NAME, "Acme Ltd", null)).as("names are one family")
                .isEqualTo(subjects.ofIdentifier(Identifies.Kind.ORGANISATION_NAME, "ACME LTD", null));
        assertThat(new PersonalData(new MemorySubjectKeys()).subjects().ofIdentifier(PERSON_NAME, "Zhang Wei", null))
                .as("keyed with the store's secret: another secret, another reference")
                .isNotEqualTo(subjects.ofIdentifier(PERSON_NAME, "Zhang Wei", null));
    }

    @Test
    void destroyingASubjectsKeysErasesItsValuesInEveryItemAndNothingElse() {
        byte[] first = serializer.serialize(event("case-1", "Zhang Wei", "202-555-0143"), byte[].class, CASE_1).getData();
        byte[] second = serializer.serialize(event("case-2", "ZHANG WEI", "+12025550199"), byte[].class, CASE_2).getData();
        byte[] other = serializer.serialize(event("case-2", "Li Na", "+12025550100"), byte[].class, CASE_2).getData();

        List<String> destroyed = keys.destroy(List.of(personalData.subjects().ofIdentifier(PERSON_NAME, "zhang wei",
                null)), List.of(), "order-1");

        assertThat(destroyed).as("one key per item").containsExactlyInAnyOrder("case-1", "case-2");
        SuspectNamed a = serializer.deserialize(stored(first));
        SuspectNamed b = serializer.deserialize(stored(second));
        SuspectNamed c = serializer.deserialize(stored(other));
        assertThat(a.suspect().name()).isEqualTo(Personal.ERASED);
        assertThat(a.suspect().alias()).as("shares the name's subject").isEqualTo(Personal.ERASED);
        assertThat(b.suspect().name()).isEqualTo(Personal.ERASED);
        assertThat(a.suspect().contacts().get(0).phone()).as("another subject").isEqualTo("202-555-0143");
        assertThat(a.note()).as("the item's free text: the item's subject").startsWith("met ");
        assertThat(c.suspect().name()).isEqualTo("Li Na");
        assertThat(c.caseId()).isEqualTo("case-2");
    }

    @Test
    void erasingAnItemDestroysItsKeysButThoseOfTheSubjectsKept() {
        byte[] stored = serializer.serialize(event("case-1", "Zhang Wei", "202-555-0143"), byte[].class, CASE_1).getData();
        String kept = personalData.subjects().ofIdentifier(PERSON_NAME, "Zhang Wei", null);

        keys.destroyItem("case-1", List.of(kept), "retention");

        SuspectNamed read = serializer.deserialize(stored(stored));
        assertThat(read.suspect().name()).isEqualTo("Zhang Wei");
        assertThat(read.note()).isEqualTo(Personal.ERASED);
        assertThat(read.remarks()).containsExactly(Personal.ERASED, Personal.ERASED);
        assertThat(read.suspect().contacts().get(0).phone()).isEqualTo(Personal.ERASED);
    }

    @Test
    void aMessageWithPersonalFieldsIsNeverSerializedWithoutItsItem() {
        assertThatThrownBy(() -> serializer.serialize(event("case-1", "Zhang Wei", "+12025550143"), byte[].class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("personal");
        assertThat(serializer.serialize(new Contact(null, "US").country(), byte[].class).getData()).isNotEmpty();
    }

    @Test
    void eventsStoredBeforeEncryptionAreReadAsTheyAre() {
        byte[] plain = JacksonSerializer.defaultSerializer().serialize(event("case-1", "Zhang Wei", "+12025550143"),
                byte[].class).getData();
        SuspectNamed read = serializer.deserialize(stored(plain));
        assertThat(read.suspect().name()).isEqualTo("Zhang Wei");
    }

    @Test
    void aMarkThatCannotBeReadFailsItsPlan() {
        assertThatThrownBy(() -> PersonalData.check(Broken.class)).hasMessageContaining("Broken.age");
        assertThatThrownBy(() -> PersonalData.check(BrokenSibling.class)).hasMessageContaining("subjectFrom 'nothing'");
        assertThat(PersonalData.paths(SuspectNamed.class)).containsExactly("suspect.name", "suspect.alias",
                "suspect.contacts[].phone", "note", "remarks[]");
    }

    private static SerializedObject<byte[]> stored(byte[] data) {
        return new org.axonframework.serialization.SimpleSerializedObject<>(data, byte[].class,
                JacksonSerializer.defaultSerializer().typeForClass(SuspectNamed.class));
    }
}
