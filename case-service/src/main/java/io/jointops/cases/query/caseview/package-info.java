/** The case view: what each agency may see of its cases, kept from case events. */
package io.jointops.cases.query.caseview;
