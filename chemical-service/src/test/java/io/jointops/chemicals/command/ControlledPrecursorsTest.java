package io.jointops.chemicals.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry as shipped in the service's resources, and how it reads a CSV. */
class ControlledPrecursorsTest {

    static ControlledPrecursors shipped() {
        InputStream csv = ControlledPrecursorsTest.class.getResourceAsStream("/precursors/precursors.csv");
        assertThat(csv).as("precursors/precursors.csv on the classpath").isNotNull();
        return ControlledPrecursors.fromCsv(csv);
    }

    @Test
    void theShippedRegistryHoldsTablesOneAndTwoAsItsSourceNoteCountsThem() {
        ControlledPrecursors registry = shipped();
        assertThat(registry.all()).hasSize(35);
        assertThat(registry.all()).filteredOn(precursor -> precursor.table().equals("I")).hasSize(27);
        assertThat(registry.all()).filteredOn(precursor -> precursor.table().equals("II")).hasSize(8);
        assertThat(registry.all()).filteredOn(precursor -> precursor.casNumber() != null).hasSize(28);
        assertThat(ControlledPrecursorsTest.class.getResource("/precursors/precursors.SOURCES.md"))
                .as("the source note travels with the registry").isNotNull();
    }

    @Test
    void readsQuotedFieldsWithCommas() {
        ControlledPrecursors.Precursor pmk = shipped().byName("PMK").orElseThrow();
        assertThat(pmk.name()).isEqualTo("3,4-Methylenedioxyphenyl-2-propanone (3,4-MDP-2-P; PMK)");
        assertThat(pmk.otherNames()).containsExactly("1-(2H-1,3-benzodioxol-5-yl)propan-2-one");
        assertThat(pmk.casNumber()).isNull();
        assertThat(pmk.table()).isEqualTo("I");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "108-24-7   | Acetic anhydride",
            "1609-66-1  | Norfentanyl",
            "79099-07-3 | 1-boc-4-Piperidone",
            "7664-93-9  | Sulphuric acid"})
    void findsSubstancesByTheirCasNumber(String casNumber, String name) {
        assertThat(shipped().byCasNumber(casNumber)).map(ControlledPrecursors.Precursor::name).contains(name);
    }

    @Test
    void doesNotFindUncontrolledOrWrongNumbers() {
        assertThat(shipped().byCasNumber("64-17-5")).isEmpty();
        assertThat(shipped().byCasNumber("1609-66-5")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ANPP                                          | 4-Anilino-N-phenethylpiperidine (ANPP)",
            "4-anilino-n-phenethylpiperidine               | 4-Anilino-N-phenethylpiperidine (ANPP)",
            "N-phenyl-1-(2-phenylethyl)piperidin-4-amine   | 4-Anilino-N-phenethylpiperidine (ANPP)",
            "'  4-Piperidone '                             | 4-Piperidone",
            "piperidin-4-one                               | 4-Piperidone",
            "3,4-MDP-2-P                                   | 3,4-Methylenedioxyphenyl-2-propanone (3,4-MDP-2-P; PMK)",
            "PMK  glycidate                                | 3,4-MDP-2-P methyl glycidate (PMK glycidate)",
            "n-acetylanthranilic acid                      | N-Acetylanthranilic acid",
            "5-(prop-1-en-1-yl)-2H-1,3-benzodioxole        | Isosafrole",
            "BMK                                           | 1-Phenyl-2-propanone (P-2-P)",
            "acetic anhydride                              | Acetic anhydride"})
    void findsSubstancesByNameAbbreviationOrOtherName(String name, String registryName) {
        assertThat(shipped().byName(name)).map(ControlledPrecursors.Precursor::name).contains(registryName);
    }

    @Test
    void doesNotTakeAQualifierForAName() {
        assertThat(shipped().byName("cis and trans")).isEmpty();
        assertThat(shipped().byName("ethanol")).isEmpty();
        assertThat(shipped().byName(null)).isEmpty();
    }

    @Test
    void aNameSharedByTwoSubstancesIdentifiesNeither() {
        ControlledPrecursors registry = ControlledPrecursors.fromCsv(csv("""
                name,iupac_or_other_name,cas_number,table
                Alpha (AB),shared name,,I
                Beta,shared name,,II
                """));
        assertThat(registry.byName("shared name")).isEmpty();
        assertThat(registry.byName("AB")).map(ControlledPrecursors.Precursor::name).contains("Alpha (AB)");
    }

    @Test
    void refusesARegistryWithAWrongCheckDigit() {
        assertThatThrownBy(() -> ControlledPrecursors.fromCsv(csv("""
                name,iupac_or_other_name,cas_number,table
                Norfentanyl,"N-phenyl-N-(piperidin-4-yl)propanamide",1609-66-5,I
                """)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1609-66-5");
    }

    @Test
    void refusesARegistryListingANumberTwice() {
        assertThatThrownBy(() -> ControlledPrecursors.fromCsv(csv("""
                name,iupac_or_other_name,cas_number,table
                Acetone,propan-2-one,67-64-1,II
                Dimethyl ketone,,67-64-1,II
                """)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("67-64-1");
    }

    @Test
    void refusesARegistryWithoutTheNeededColumnsOrWithBrokenRows() {
        assertThatThrownBy(() -> ControlledPrecursors.fromCsv(csv("name,table\nAcetone,II\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("iupac_or_other_name");
        assertThatThrownBy(() -> ControlledPrecursors.fromCsv(csv("""
                name,iupac_or_other_name,cas_number,table
                Acetone,propan-2-one,67-64-1
                """)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ControlledPrecursors.fromCsv(csv("""
                name,iupac_or_other_name,cas_number,table
                "Acetone,propan-2-one,67-64-1,II
                """)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quote");
    }

    /** DOMAIN.md: NPP and ANPP (2017), 4-AP, 1-boc-4-AP and norfentanyl (2022), 4-piperidone and 1-boc-4-piperidone (2024). */
    @Test
    void theTableOneFentanylPrecursorsAreReadFromTheRegistry() {
        assertThat(shipped().all()).filteredOn(ControlledPrecursors.Precursor::tableOneFentanylPrecursor)
                .extracting(ControlledPrecursors.Precursor::name)
                .containsExactlyInAnyOrder("4-Anilino-N-phenethylpiperidine (ANPP)", "N-Phenethyl-4-piperidone (NPP)",
                        "4-Anilinopiperidine (4-AP)", "1-boc-4-AP", "Norfentanyl", "4-Piperidone", "1-boc-4-Piperidone");
        assertThat(ControlledPrecursors.fromCsv(csv("""
                name,iupac_or_other_name,cas_number,table,typical_use_in_illicit_manufacture
                Something new,,,I,fentanyl analogues
                Solvent,,,II,fentanyl (solvent)
                """)).all()).extracting(ControlledPrecursors.Precursor::tableOneFentanylPrecursor).containsExactly(true, false);
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
