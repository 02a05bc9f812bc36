using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace CdiscExport.Testing;

/// <summary>
/// The public surface of a library as text, compared with its PublicApi.approved.txt (STYLE.md §11). When it
/// changes, PublicApi.received.txt is written beside the approved file; review it and copy it over.
/// </summary>
internal static class PublicApi
{
    public static void Verify(Assembly assembly, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.GetDirectoryName(callerFile)!;
        var received = Describe(assembly);
        var approvedPath = Path.Combine(folder, "PublicApi.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : "";
        var receivedPath = Path.Combine(folder, "PublicApi.received.txt");
        if (received != approved)
        {
            File.WriteAllText(receivedPath, received);
            throw new ShouldAssertException($"Public API changed; compare {receivedPath} with {approvedPath}.");
        }

        File.Delete(receivedPath);
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var kind = type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsInterface ? "interface" : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : "class";
            var baseType = type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) ? " : " + Name(b) : "";
            text.Append(kind).Append(' ').Append(type.FullName).Append(baseType).Append('\n');
            if (type.IsEnum)
            {
                foreach (var name in Enum.GetNames(type))
                {
                    text.Append("  ").Append(name).Append(" = ").Append(Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }

                continue;
            }

            var members = new List<string>();
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var ctor in type.GetConstructors(flags))
            {
                members.Add($"ctor({Parameters(ctor)})");
            }

            foreach (var property in type.GetProperties(flags))
            {
                var getter = property.GetMethod is { IsPublic: true } g ? (g.IsStatic ? "static " : "") + "get; " : "";
                var setter = property.SetMethod is { IsPublic: true } s
                    ? (s.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") ? "init; " : "set; ")
                    : "";
                members.Add($"{Name(property.PropertyType)} {property.Name} {{ {getter}{setter}}}");
            }

            foreach (var field in type.GetFields(flags))
            {
                members.Add($"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{Name(field.FieldType)} {field.Name}");
            }

            foreach (var method in type.GetMethods(flags).Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)))
            {
                members.Add($"{(method.IsStatic ? "static " : "")}{Name(method.ReturnType)} {method.Name}({Parameters(method)})");
            }

            foreach (var member in members.Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : "")}"));

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
