namespace MdeSiem.Simulator.Generation;

/// <summary>A file that detections point at, with hashes fixed per seed so the same file always hashes the same.</summary>
internal sealed record SampleFile(string FileName, string FilePath, string Sha1, string Md5, string Sha256);
