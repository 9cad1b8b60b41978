package io.jointops.intel.command;

import io.jointops.identifiers.Countries;
import io.jointops.api.intel.EntityType;
import io.jointops.api.intel.IntelEntity;
import io.jointops.api.intel.IntelRelation;
import io.jointops.api.intel.IntelReportContent;
import io.jointops.api.intel.RouteWaypoint;
import io.jointops.api.intel.TraffickingRoute;
import io.jointops.api.shared.HandlingCode;
import io.jointops.identifiers.InvalidIdentifierException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static io.jointops.platform.command.CommandChecks.invalid;
import static io.jointops.platform.command.CommandChecks.requireAgency;

/**
 * Checks what the content's constraints (IntelReportContent, checked before the command is handled) cannot say, and
 * puts it in its stored form: trimmed, release sorted, entities normalised.
 */
final class ReportContents {


    private ReportContents() {
    }

    static IntelReportContent checked(IntelReportContent content, String ownerAgency) {
        requireCredibility(content.informationCredibility());
        String restriction = trimmed(content.handlingRestriction());
        if (content.handlingCode() == HandlingCode.H3) {
            if (restriction.isEmpty()) {
                throw invalid("handlingRestriction", "must be given for an H3 report");
            }
        } else if (!restriction.isEmpty()) {
            throw invalid("handlingRestriction", "is stated for H3 only");
        }
        Set<String> released = new TreeSet<>();
        for (String agency : content.releasedTo() == null ? Set.<String>of() : content.releasedTo()) {
            requireAgency("releasedTo", agency);
            if (agency.equals(ownerAgency)) {
                throw invalid("releasedTo", "must not contain the owner agency " + agency);
            }
            released.add(agency);
        }
        List<IntelEntity> entities = entities(content.entities());
        List<IntelRelation> relations = relations(content.relations(), entities);
        return new IntelReportContent(content.title().strip(), trimmed(content.summary()), trimmed(content.body()),
                content.category(), content.sourceReliability(), content.informationCredibility(), content.tlp(),
                content.handlingCode(), restriction, released, entities, relations, route(content.route()));
    }

    static void requireCredibility(int credibility) {
        if (credibility < 1 || credibility > 6) {
            throw invalid("informationCredibility", "must be 1 (confirmed) to 6 (cannot be judged)");
        }
    }

    private static List<IntelEntity> entities(List<IntelEntity> given) {
        List<IntelEntity> entities = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (given == null) {
            return entities;
        }
        if (given.size() > IntelReport.MAX_ENTITIES) {
            throw invalid("entities", "must be at most " + IntelReport.MAX_ENTITIES);
        }
        for (int i = 0; i < given.size(); i++) {
            IntelEntity entity = given.get(i);
            String field = "entities[" + i + "]";
            if (!ids.add(entity.entityId().strip())) {
                throw invalid(field + ".entityId", "'" + entity.entityId() + "' is used twice");
            }
            String country = entity.country() == null || entity.country().isBlank() ? null
                    : entity.country().strip().toUpperCase(Locale.ROOT);
            String normalised;
            try {
                normalised = EntityIdentifiers.of(entity.type(), entity.value(), country).canonical();
            } catch (InvalidIdentifierException e) {
                throw invalid(field + (e.part() == InvalidIdentifierException.Part.COUNTRY ? ".country" : ".value"),
                        e.getMessage());
            }
            if (country != null && entity.type() != EntityType.PHONE_NUMBER) {
                throw invalid(field + ".country", "is given for phone numbers only");
            }
            entities.add(new IntelEntity(entity.entityId().strip(), entity.type(), entity.value().strip(), normalised,
                    country));
        }
        return entities;
    }

    private static List<IntelRelation> relations(List<IntelRelation> given, List<IntelEntity> entities) {
        List<IntelRelation> relations = new ArrayList<>();
        if (given == null) {
            return relations;
        }
        Set<String> ids = new HashSet<>();
        entities.forEach(entity -> ids.add(entity.entityId()));
        for (int i = 0; i < given.size(); i++) {
            IntelRelation relation = given.get(i);
            String field = "relations[" + i + "]";
            if (!ids.contains(relation.from())) {
                throw invalid(field + ".from", "must be the entityId of an entity of this report");
            }
            if (!ids.contains(relation.to()) || relation.to().equals(relation.from())) {
                throw invalid(field + ".to", "must be the entityId of another entity of this report");
            }
            relations.add(relation);
        }
        return relations;
    }

    private static TraffickingRoute route(TraffickingRoute route) {
        if (route == null) {
            return null;
        }
        List<RouteWaypoint> waypoints = new ArrayList<>();
        List<RouteWaypoint> given = route.waypoints() == null ? List.of() : route.waypoints();
        if (given.size() < 2) {
            throw invalid("route.waypoints", "must list at least two waypoints, in order");
        }
        for (int i = 0; i < given.size(); i++) {
            RouteWaypoint waypoint = given.get(i);
            String field = "route.waypoints[" + i + "]";
            String country = waypoint.country().strip().toUpperCase(Locale.ROOT);
            String fault = Countries.fault(country);
            if (fault != null) {
                throw invalid(field + ".country", fault);
            }
            waypoints.add(new RouteWaypoint(waypoint.place().strip(), country, waypoint.transportMode(),
                    trimmed(waypoint.concealmentMethod())));
        }
        List<String> substances = new ArrayList<>();
        for (String substance : route.substances() == null ? List.<String>of() : route.substances()) {
            substances.add(substance.strip());
        }
        if (route.firstSeen() != null && route.lastSeen() != null && route.lastSeen().isBefore(route.firstSeen())) {
            throw invalid("route.lastSeen", "must not be before firstSeen");
        }
        return new TraffickingRoute(waypoints, substances, route.firstSeen(), route.lastSeen());
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
