/** intel-service: graded intelligence reports shared between agencies, and their links to joint cases. */
package io.jointops.intel;
