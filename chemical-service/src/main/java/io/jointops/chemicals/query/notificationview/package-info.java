/** The pre-export notification view: what the exporting and the importing agency see of their notifications. */
package io.jointops.chemicals.query.notificationview;
