namespace Comments.Storage.Users;

public enum UserStatus
{
    Active,
    Banned,
    Suspended,
    Premoderated,
}
