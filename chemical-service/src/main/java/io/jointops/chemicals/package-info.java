/** chemical-service: precursor control, starting with pre-export notifications between exporting and importing agencies. */
package io.jointops.chemicals;
