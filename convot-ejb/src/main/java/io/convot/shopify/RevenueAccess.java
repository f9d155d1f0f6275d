package io.convot.shopify;

import io.convot.access.Caller;
import io.convot.common.ConvotException;
import io.convot.common.ErrorCode;

/** Revenue figures are for owners, and for members an owner granted {@code revenue_access}. */
final class RevenueAccess {

  private RevenueAccess() {}

  static void require(Caller caller) {
    if (!caller.revenueAccess()) {
      throw new ConvotException(ErrorCode.MISSING_PERMISSION,
          "Revenue figures are for owners and members with the revenue_access permission");
    }
  }
}
