/** Vocabulary shared by every bounded context: handling labels, agency codes and command rejections. */
package io.jointops.api.shared;
