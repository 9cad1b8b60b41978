/** intel-service's configuration: what it tells the platform about its items. */
package io.jointops.intel.config;
