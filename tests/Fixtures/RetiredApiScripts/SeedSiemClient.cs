// From "Pull Microsoft Defender for Endpoint detections using REST API" (Microsoft Learn): the C# sample that uses
// the token to call https://wdatp-alertexporter-eu.windows.com/api/alert, wrapped in a class so that it compiles.
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Identity.Client;

public static class SeedSiemClient
{
    public static void Pull(AuthenticationResult authenticationResult)
    {
        HttpClient httpClient = new HttpClient();
        httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(authenticationResult.AccessTokenType, authenticationResult.AccessToken);
        HttpResponseMessage response = httpClient.GetAsync("https://wdatp-alertexporter-eu.windows.com/api/alert").GetAwaiter().GetResult();
        string detectionsJson = response.Content.ReadAsStringAsync().Result;
        Console.WriteLine("Got detections list: {0}", detectionsJson);
    }
}
