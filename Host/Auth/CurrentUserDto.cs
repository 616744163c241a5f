namespace GridCase.Host.Auth;

/// <summary>Who is signed in: what the web app shows in its header and which menus it offers.</summary>
public sealed record CurrentUserDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string OrgUnitCode, string OrgUnitName);
