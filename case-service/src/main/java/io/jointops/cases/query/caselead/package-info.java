/** The case lead view: joint cases proposed by other services, for the agencies that may see the item. */
package io.jointops.cases.query.caselead;
