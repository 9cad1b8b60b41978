/** Who did what under which request: the audit metadata every command and event carries. */
package io.jointops.platform.audit;
