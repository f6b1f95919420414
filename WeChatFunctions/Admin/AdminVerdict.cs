namespace WeChatFunctions.Admin;

/// <summary>What <see cref="AdminGate"/> decided about one admin command.</summary>
internal enum AdminVerdict
{
    Admitted,

    /// <summary>Wrong token or not an admin: counted towards the lockout.</summary>
    Refused,

    /// <summary>Refused without a look, as the sender is locked out.</summary>
    LockedOut,
}
