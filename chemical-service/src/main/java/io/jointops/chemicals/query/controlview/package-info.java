/** The national-controls view: countries' own controls of registry substances (legal reference, threshold). */
package io.jointops.chemicals.query.controlview;
