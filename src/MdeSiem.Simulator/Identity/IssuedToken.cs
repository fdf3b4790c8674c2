using System;

namespace MdeSiem.Simulator.Identity;

internal sealed record IssuedToken(string AccessToken, string Audience, DateTimeOffset NotBefore, DateTimeOffset ExpiresOn);
