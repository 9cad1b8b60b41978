package io.jointops.api.deconfliction;

import io.jointops.api.shared.Identifies;
import io.jointops.api.shared.NonPersonal;
import io.jointops.api.shared.Personal;

/**
 * One identifier of the told agency's own item that matches an identifier of another agency's item: what is said of
 * the match is the told agency's own side and how it matched, never the other side's value.
 *
 * @param kind     what the identifier names (the kind it matched as: a party's name matches as a person or a company)
 * @param path     where the own item names it, e.g. {@code consignee.name}
 * @param value    the own item's value, as written there
 * @param rule     the rule the two matched by ({@code io.jointops.identifiers.MatchRule#id()}: {@code exact},
 *                 {@code e164}, {@code pinyin}, ...), the strongest if several did
 * @param strength {@code exact}, {@code equivalent} or {@code similar}: a similar match (pinyin, name order, accents)
 *                 may name someone else
 */
@NonPersonal
public record DeconflictionMatch(Identifies.Kind kind, String path,
                                 @Personal(kindFrom = "kind") String value, String rule, String strength) {
}
