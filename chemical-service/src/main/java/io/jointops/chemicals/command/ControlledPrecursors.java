package io.jointops.chemicals.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The substances of Tables I and II of the 1988 Convention that a pre-export notification may name. A substance is
 * recognised by its CAS registry number where the registry has one; the registry leaves the number empty where no
 * reliable source confirmed it, and then the substance is recognised by one of its names.
 */
public final class ControlledPrecursors {

    /**
     * One row of the registry. {@code casNumber} is null where unconfirmed; {@code typicalUse} is the registry's short
     * description of the illicit manufacture it serves (empty where the file has no such column).
     */
    public record Precursor(String name, Set<String> otherNames, String casNumber, String table, String typicalUse) {

        /**
         * A Table I substance whose typical illicit use is fentanyl: the fentanyl precursors added to Table I since
         * 2017 (NPP, ANPP, 4-AP, 1-boc-4-AP, norfentanyl, 4-piperidone, 1-boc-4-piperidone). Read from the
         * registry, so a future addition to the CSV counts without a code change.
         */
        public boolean tableOneFentanylPrecursor() {
            return "I".equals(table) && FENTANYL.matcher(typicalUse).find();
        }
    }

    private static final Pattern FENTANYL = Pattern.compile("\\bfentanyl\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern TRAILING_PARENTHESES = Pattern.compile("^(.*\\S)\\s+\\(([^()]*)\\)$");

    private final List<Precursor> precursors;
    private final Map<String, Precursor> byCas = new HashMap<>();
    private final Map<String, Precursor> byName = new HashMap<>();

    private ControlledPrecursors(List<Precursor> precursors) {
        this.precursors = List.copyOf(precursors);
        Set<String> ambiguous = new HashSet<>();
        for (Precursor precursor : precursors) {
            if (precursor.casNumber() != null && byCas.putIfAbsent(precursor.casNumber(), precursor) != null) {
                throw new IllegalStateException("CAS RN " + precursor.casNumber() + " is listed twice");
            }
            for (String name : names(precursor)) {
                Precursor other = byName.putIfAbsent(name, precursor);
                if (other != null && other != precursor) {
                    ambiguous.add(name);
                }
            }
        }
        // a name shared by two substances identifies neither
        ambiguous.forEach(byName::remove);
    }

    /**
     * Reads the registry's CSV (header {@code name,iupac_or_other_name,cas_number,table,...}). Refuses a file with a
     * malformed CAS RN or check digit: a wrong number would let the wrong substance through.
     */
    public static ControlledPrecursors fromCsv(InputStream csv) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalStateException("the precursor registry is empty");
            }
            List<String> columns = fields(header.replace("\uFEFF", ""));
            int name = column(columns, "name");
            int otherNames = column(columns, "iupac_or_other_name");
            int cas = column(columns, "cas_number");
            int table = column(columns, "table");
            int typicalUse = columns.indexOf("typical_use_in_illicit_manufacture");
            List<Precursor> precursors = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields.size() != columns.size()) {
                    throw new IllegalStateException("line " + lineNumber + " of the precursor registry has "
                            + fields.size() + " fields, the header " + columns.size());
                }
                String casNumber = fields.get(cas).isBlank() ? null : fields.get(cas).strip();
                if (casNumber != null && !CasNumber.isValid(casNumber)) {
                    throw new IllegalStateException("line " + lineNumber + " of the precursor registry has CAS RN '"
                            + casNumber + "', which is malformed or fails its check digit");
                }
                if (fields.get(name).isBlank()) {
                    throw new IllegalStateException("line " + lineNumber + " of the precursor registry has no name");
                }
                Set<String> others = new LinkedHashSet<>();
                for (String other : fields.get(otherNames).split(";")) {
                    if (!other.isBlank()) {
                        others.add(other.strip());
                    }
                }
                precursors.add(new Precursor(fields.get(name).strip(), Collections.unmodifiableSet(others), casNumber,
                        fields.get(table).strip(), typicalUse < 0 ? "" : fields.get(typicalUse).strip()));
            }
            return new ControlledPrecursors(precursors);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the precursor registry", e);
        }
    }

    public List<Precursor> all() {
        return precursors;
    }

    public Optional<Precursor> byCasNumber(String casNumber) {
        return Optional.ofNullable(byCas.get(casNumber));
    }

    /** Matches the registry's name, an abbreviation it gives in parentheses, or another name; case and spacing aside. */
    public Optional<Precursor> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(name)));
    }

    /**
     * Look-up as a person types it: a CAS registry number (the check digit must match, else
     * {@link IllegalArgumentException}), a name, an abbreviation or another name; otherwise the substances one of
     * whose names contains the text.
     */
    public List<Precursor> search(String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            return precursors;
        }
        if (query.matches("^\\d+-\\d+-\\d+$")) {
            if (!CasNumber.isValid(query)) {
                throw new IllegalArgumentException("'" + query + "' is not a CAS registry number with a valid check digit");
            }
            return byCasNumber(query).map(List::of).orElse(List.of());
        }
        Optional<Precursor> exact = byName(query);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        String wanted = normalise(query);
        return precursors.stream()
                .filter(precursor -> names(precursor).stream().anyMatch(name -> name.contains(wanted)))
                .toList();
    }

    /**
     * The substance a notification, shipment or incident names: by its CAS RN where given (the check digit must
     * match), else by name; a name and number of two different substances identify none. Empty if not controlled.
     */
    public Optional<Precursor> identify(String name, String casNumber) {
        if (casNumber != null && !casNumber.isBlank()) {
            Optional<Precursor> byCas = byCasNumber(casNumber.strip());
            Optional<Precursor> named = byName(name);
            if (byCas.isPresent()) {
                return named.isPresent() && !named.get().equals(byCas.get()) ? Optional.empty() : byCas;
            }
            return named.filter(precursor -> precursor.casNumber() == null);
        }
        return byName(name);
    }

    /** Every name the registry gives the substance (its name, abbreviations, other names), normalised. */
    public static Set<String> namesOf(Precursor precursor) {
        return names(precursor);
    }

    private static Set<String> names(Precursor precursor) {
        Set<String> names = new HashSet<>();
        names.add(normalise(precursor.name()));
        Matcher withAbbreviations = TRAILING_PARENTHESES.matcher(precursor.name());
        if (withAbbreviations.matches()) {
            // "3,4-Methylenedioxyphenyl-2-propanone (3,4-MDP-2-P; PMK)": the parentheses hold abbreviations
            names.add(normalise(withAbbreviations.group(1)));
            for (String abbreviation : withAbbreviations.group(2).split(";")) {
                names.add(normalise(abbreviation));
            }
        }
        for (String other : precursor.otherNames()) {
            names.add(normalise(other));
            Matcher qualified = TRAILING_PARENTHESES.matcher(other);
            if (qualified.matches()) {
                // "... (cis and trans)" qualifies the name rather than naming the substance: keep only what precedes it
                names.add(normalise(qualified.group(1)));
            }
        }
        names.remove("");
        return names;
    }

    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static int column(List<String> columns, String name) {
        int index = columns.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("the precursor registry has no column '" + name + "'");
        }
        return index;
    }

    /** Splits one CSV line (RFC 4180: fields with commas are quoted, quotes inside are doubled). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException("unterminated quote in precursor registry line: " + line);
        }
        fields.add(field.toString());
        return fields;
    }
}
