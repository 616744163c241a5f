namespace GridCase.Load;

/// <summary>A catalog item whose closure needs no photo, so the loop can close it with a comment alone.</summary>
public sealed record PlainItem(string Code, string? OwnerDepartmentCode);
