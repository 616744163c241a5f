using GridCase.Domain;

namespace GridCase.Host.Uploads;

/// <summary>
/// Reads a file sent as multipart/form-data, answering every way it can be wrong as a field error instead of the
/// framework's bare 400 or 415.
/// </summary>
public static class UploadedFile
{
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, string fileField, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            throw DomainException.Field(fileField, $"须以 multipart/form-data 上传，文件字段名为 {fileField} / send multipart/form-data with the file in '{fileField}'");
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw DomainException.Field(fileField, $"表单格式有误 / malformed multipart form: {e.Message}");
        }
    }

    /// <summary>The bytes of the file in <paramref name="field"/>, or null with an error added when there is none, it is empty or too large.</summary>
    public static async Task<(string FileName, byte[] Content)?> ReadAsync(
        IFormCollection form, string field, long maxBytes, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var file = form.Files.GetFile(field);
        var megabytes = maxBytes / 1024 / 1024;
        if (file is null)
            errors[field] = [$"须上传文件（字段名 {field}）/ no file in '{field}'"];
        else if (file.Length == 0)
            errors[field] = ["文件为空 / the file is empty"];
        else if (file.Length > maxBytes)
            errors[field] = [$"文件不能超过 {megabytes} MB / the file is larger than {megabytes} MB"];
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            return (Path.GetFileName(file.FileName ?? ""), buffer.ToArray());
        }
        return null;
    }
}
