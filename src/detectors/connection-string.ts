/**
 * Connection strings that carry a password: database and broker URLs, JDBC URLs, ADO.NET strings,
 * StackExchange.Redis strings and Kafka JAAS configs. The secret is the password alone, so the
 * masked preview and the fingerprint are of the password. Passwords that are placeholders,
 * templates or well-known defaults (postgres:postgres, guest:guest, scott/tiger) are not findings.
 * @module
 */
import { isRealPassword, isRealUrlPassword } from '../engine/checks/connection-url.js';
import type { MatchContext } from '../engine/types.js';
import { family } from './define.js';
import { guidance } from './guidance.js';

// Character classes are ASCII ranges, not negated classes, to keep RE2 programs small.
/** URL username: no ':', '@', '/', '?', '#', white space, quotes or angle brackets. */
export const USER = String.raw`[!$-&(-.0-9;=A-~]`;
/** URL password as pasted (often not percent-encoded): also ':', '@', '/', '?', '#'. */
const DB_PASSWORD = String.raw`[!#-&(-;=?-~]`;
/** Host after the '@': a name, an IPv4 address or a bracketed IPv6 address. */
export const HOST = String.raw`(?:[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}|\[[0-9A-Fa-f:.]{2,45}\])`;
/** A property value in key=value lists (JDBC, ADO.NET, Redis): no ';', ',', '&', space or quotes. */
const VALUE = String.raw`[!#-%(-+\--:<-~]`;
/** URL text up to a `password=` parameter: printable ASCII without space and '"' (two ranges). */
const URL_TEXT = '[!#-~]';
/** Text of one `;`-separated property (JDBC, ADO.NET, JAAS options): printable ASCII but ';'. */
const PROPERTY = String.raw`[\t -:<-~]`;

/** `scheme://user:password@host`: the password is group 2. */
const url = (scheme: string): string =>
  String.raw`\b(?:${scheme})://(${USER}{0,64}):(${DB_PASSWORD}{1,128})@(${HOST})`;

/** Checks a URL password: real, not a `host:port/path@...` misread, and the URL parses with it. */
function validUrlPassword(password: string, ctx: MatchContext): boolean {
  if (/^\d{1,5}[/?#]/.test(password)) return false; // host:port/path@... read as user:password
  return isRealUrlPassword('db', ctx.groups[1] ?? '', password, ctx.groups[3] ?? '');
}

/** Checks a key=value password (JDBC, ADO.NET, Redis, JAAS). */
const validValue = (password: string): boolean => isRealPassword(password);

/** White space in a config that may have been pasted JSON-escaped. */
const WS = String.raw`(?:\s|\\[nrt])`;

export default family('connection-string', [
  {
    // https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS
    id: 'postgres-connection-uri',
    name: 'PostgreSQL connection URI with password',
    category: 'connection_string',
    keywords: ['postgres'],
    pattern: url(String.raw`postgres(?:ql)?(?:\+[a-z0-9]{1,20})?`),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'DATABASE_URL=postgres://billing:9C5qoU0_1ynlH2@db-prod.internal:5432/billing',
          secret: '9C5qoU0_1ynlH2',
        },
        {
          text: 'SQLALCHEMY_DATABASE_URI = "postgresql+psycopg2://app:7*hHN9E1QDmRoYN@10.20.0.14/app"',
          secret: '7*hHN9E1QDmRoYN',
        },
        'psql postgresql://reporting:YJqS36JQXQkm8Ayp@pg.acme.test/analytics?sslmode=require',
      ],
      negatives: [
        'postgres://user:password@localhost/db',
        'postgres://postgres:postgres@localhost:5432/postgres',
        'DATABASE_URL=postgres://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/app',
        'postgresql://app:<password>@db.acme.test/app',
        'postgres://app:****@db.acme.test/app',
        'postgres://db.acme.test:5432/app', // no credentials
      ],
    },
  },
  {
    // https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html
    id: 'mysql-connection-uri',
    name: 'MySQL / MariaDB connection URI with password',
    category: 'connection_string',
    keywords: ['mysql', 'mariadb'],
    pattern: url(String.raw`(?:mysql|mysqlx|mariadb)(?:\+[a-z0-9]{1,20})?`),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'DB_URL="mysql://shop:q5_hb6qmbbhm34wx9@mysql-primary.acme.test:3306/shop"',
          secret: 'q5_hb6qmbbhm34wx9',
        },
        {
          text: 'engine = create_engine("mysql+pymysql://etl:FMLdicZmoFbD6.zggp@10.0.3.7/warehouse")',
          secret: 'FMLdicZmoFbD6.zggp',
        },
        'jdbc:mysql://svc_orders:LMfDN06By!Y4IAxDrqjf@orders-db:3306/orders',
      ],
      negatives: [
        'mysql://root:root@localhost:3306/test',
        'mysql://user:pass@host/db',
        'mysql://app:%s@%s/app',
        'mysql://mysql-primary.acme.test:3306/shop',
      ],
    },
  },
  {
    // https://www.mongodb.com/docs/manual/reference/connection-string/
    id: 'mongodb-connection-uri',
    name: 'MongoDB connection URI with password',
    category: 'connection_string',
    keywords: ['mongodb'],
    pattern: url(String.raw`mongodb(?:\+srv)?`),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'MONGO_URL=mongodb+srv://api-svc:moMDDPPRucJA6I@cluster0.x7kq2.mongodb.net/prod?retryWrites=true',
          secret: 'moMDDPPRucJA6I',
        },
        {
          text: 'uri: mongodb://admin:GrClVtgDW1TYGHd@mongo-0.mongo,mongo-1.mongo:27017/?replicaSet=rs0',
          secret: 'GrClVtgDW1TYGHd',
        },
        // a Cosmos DB account key as the password, '/' and '=' not encoded
        'mongodb://orders-acct:Qz8f0uXb2Lr9Tq4Wm1Ys/Kd7Vh3Nc6Pj0Ae5Gi9Ro2Ul8Fx4Bt6Zw1Mn3Sv7Cq==@orders-acct.mongo.cosmos.azure.com:10255/?ssl=true',
      ],
      negatives: [
        'mongodb+srv://<user>:<password>@cluster0.mongodb.net',
        'mongodb://xxxx:xxxxx@xxxxxxx:3717/db',
        'mongodb://username:@mongo0.acme.test:27017/?replicaSet=rs0',
        'mongodb://mongo0.acme.test:27017/?replicaSet=rs0',
      ],
    },
  },
  {
    // https://www.iana.org/assignments/uri-schemes/prov/redis
    id: 'redis-connection-uri',
    name: 'Redis connection URI with password',
    category: 'connection_string',
    keywords: ['redis://', 'rediss://', 'valkey://', 'valkeys://'],
    pattern: url('rediss?|valkeys?'),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'REDIS_URL=redis://:c2ABbcz!EkuizgsSpb@cache.acme.test:6379/0',
          secret: 'c2ABbcz!EkuizgsSpb',
        },
        {
          text: 'broker_url = "rediss://default:cBOGZEfWx*dGZKlCbEB@redis-13021.c1.eu-west-1.ec2.cloud.redislabs.com:13021"',
          secret: 'cBOGZEfWx*dGZKlCbEB',
        },
      ],
      negatives: [
        'redis://:redis@localhost:6379',
        'redis://localhost:6379/0',
        'REDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379',
      ],
    },
  },
  {
    // StackExchange.Redis: host:port,password=...,ssl=True (Azure Cache for Redis shows these).
    id: 'redis-stackexchange-connection-string',
    name: 'Redis connection string with password (StackExchange.Redis)',
    category: 'connection_string',
    keywords: [',password='],
    ignoreCase: true,
    pattern: String.raw`\b[A-Za-z0-9][A-Za-z0-9.-]{0,100}:[0-9]{2,5}(?:,[!-+\--~]{0,60}){0,6},password=(${VALUE}{3,128})`,
    validate: validValue,
    examples: {
      positives: [
        {
          text: '"Redis": "orders.redis.cache.windows.net:6380,password=oxdMODUWPZR_mlIFpbD7GQx2mK8vLc0Ta4Nh1Ue5Rs=,ssl=True,abortConnect=False"',
          secret: 'oxdMODUWPZR_mlIFpbD7GQx2mK8vLc0Ta4Nh1Ue5Rs=',
        },
        'cache: redis-01:6379,connectTimeout=5000,password=1DqeFB*tNGuUff,defaultDatabase=2',
      ],
      negatives: [
        'orders.redis.cache.windows.net:6380,password=<access-key>,ssl=True',
        'localhost:6379,password=,ssl=False',
        'redis-01:6379,password=changeme',
      ],
    },
  },
  {
    // https://www.rabbitmq.com/docs/uri-spec
    id: 'amqp-connection-uri',
    name: 'AMQP (RabbitMQ) connection URI with password',
    category: 'connection_string',
    keywords: ['amqp://', 'amqps://'],
    pattern: url('amqps?'),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'CELERY_BROKER_URL=amqp://worker:k*wWq8a.xHn.jm3@rabbit.acme.test:5672/jobs',
          secret: 'k*wWq8a.xHn.jm3',
        },
        'amqps://ingest:72-Sx54u~Vy8epf5@b-3f1c.mq.eu-west-1.amazonaws.com:5671',
      ],
      negatives: [
        'amqp://guest:guest@localhost:5672/',
        'amqp://user:pass@rabbit:5672',
        'amqps://rabbit.acme.test:5671/jobs',
      ],
    },
  },
  {
    // node-mssql and go-mssqldb URLs
    id: 'mssql-connection-uri',
    name: 'SQL Server connection URI with password',
    category: 'connection_string',
    keywords: ['mssql://', 'sqlserver://'],
    pattern: url('mssql|sqlserver'),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'MSSQL_URL=mssql://reporting:YTp3LvVh.J1OxbdSW@sql01.corp.acme.test:1433/Reports',
          secret: 'YTp3LvVh.J1OxbdSW',
        },
        'dsn := "sqlserver://svc-etl:sYIrZBH!gK9hGjsvfD@10.1.4.20:1433?database=staging"',
      ],
      negatives: ['sqlserver://sa:sa@localhost:1433', 'mssql://sql01.corp.acme.test:1433/Reports'],
    },
  },
  {
    // Other URL schemes of databases and brokers; the common ones have their own entries.
    id: 'database-connection-uri',
    name: 'Database or broker connection URI with password',
    category: 'connection_string',
    keywords: [
      'clickhouse://',
      'cockroachdb://',
      'couchbase://',
      'couchbases://',
      'cassandra://',
      'neo4j://',
      'neo4j+s://',
      'bolt://',
      'nats://',
      'mqtt://',
      'mqtts://',
      'snowflake://',
      'oracle://',
      'db2://',
      'redshift://',
      'trino://',
      'presto://',
      'influxdb://',
      'memcached://',
      'arangodb://',
      'kafka://',
      'elasticsearch://',
    ],
    pattern: url(
      String.raw`clickhouse|cockroachdb|couchbases?|cassandra|neo4j(?:\+s{1,2}c?)?|bolt(?:\+s)?|nats|mqtts?|snowflake|oracle|db2|redshift|trino|presto|influxdb|memcached|arangodb|kafka|elasticsearch`,
    ),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'NEO4J_URI=neo4j+s://neo4j:Nw4RX~JZCpL0kDjd302@7f3e1c2a.databases.neo4j.io',
          secret: 'Nw4RX~JZCpL0kDjd302',
        },
        'clickhouse://analytics:stTxXQbjw*hlgi~TGBa6@ch-0.acme.test:9000/events',
        'SNOWFLAKE_URL=snowflake://LOADER:8EYACLU!LustMTUZo0X5@xy12345.eu-central-1/RAW',
      ],
      negatives: [
        'mqtt://user:password@broker.acme.test:1883',
        'nats://nats.acme.test:4222',
        'bolt://neo4j:neo4j@localhost:7687',
      ],
    },
  },
  {
    // https://jdbc.postgresql.org/documentation/use/#connection-parameters
    id: 'jdbc-postgresql-connection-string',
    name: 'PostgreSQL JDBC URL with password',
    category: 'connection_string',
    keywords: ['jdbc:postgresql:'],
    ignoreCase: true,
    pattern: String.raw`\bjdbc:postgresql://${URL_TEXT}{1,300}[?&;]password=(${VALUE}{1,128})`,
    validate: validValue,
    examples: {
      positives: [
        {
          text: 'spring.datasource.url=jdbc:postgresql://pg.acme.test:5432/ledger?user=ledger&password=knJ1k.zIBZ0c8fPs&ssl=true',
          secret: 'knJ1k.zIBZ0c8fPs',
        },
        'url: jdbc:postgresql://10.2.0.8/app?password=9fe4~meJCrv0!Yd1&user=app',
      ],
      negatives: [
        'jdbc:postgresql://localhost:5432/postgres',
        'jdbc:postgresql://pg:5432/app?user=app&password=${DB_PASSWORD}',
        'jdbc:postgresql://pg:5432/app?user=app&password=testpassword',
      ],
    },
  },
  {
    // https://dev.mysql.com/doc/connector-j/en/connector-j-reference-jdbc-url-format.html
    id: 'jdbc-mysql-connection-string',
    name: 'MySQL / MariaDB JDBC URL with password',
    category: 'connection_string',
    keywords: ['jdbc:mysql:', 'jdbc:mariadb:'],
    ignoreCase: true,
    pattern: String.raw`\bjdbc:(?:mysql|mariadb)://${URL_TEXT}{1,300}[?&;]password=(${VALUE}{1,128})`,
    validate: validValue,
    examples: {
      positives: [
        {
          text: 'jdbc:mysql://mysql-01.acme.test:3306/crm?useSSL=true&user=crm&password=h!rv9lgpiYmSWHJNNY',
          secret: 'h!rv9lgpiYmSWHJNNY',
        },
        '<property name="url" value="jdbc:mariadb://db:3306/wiki?user=wiki&amp;password=pCrD151BC5~f.dKLkNf"/>',
      ],
      negatives: [
        'jdbc:mysql://localhost:3306/mydatabase',
        'jdbc:mysql://db:3306/app?user=root&password=',
        'jdbc:mysql://db:3306/app?user=app&password=<password>',
      ],
    },
  },
  {
    // https://learn.microsoft.com/sql/connect/jdbc/building-the-connection-url
    id: 'jdbc-sqlserver-connection-string',
    name: 'SQL Server JDBC URL with password',
    category: 'connection_string',
    keywords: ['jdbc:sqlserver:', 'jdbc:jtds:sqlserver:'],
    ignoreCase: true,
    pattern: String.raw`\bjdbc:(?:jtds:)?sqlserver://${PROPERTY}{1,100}(?:;${PROPERTY}{0,100}){0,8};password=(${VALUE}{1,128})`,
    validate: validValue,
    examples: {
      positives: [
        {
          text: 'jdbc:sqlserver://sql01.corp.acme.test:1433;databaseName=Payroll;user=payroll_svc;password=Vq3x!Lr8ZkT2mWp9;encrypt=true',
          secret: 'Vq3x!Lr8ZkT2mWp9',
        },
        'jdbc:jtds:sqlserver://10.4.1.9:1433/Legacy;user=batch;password=Jd7.Kw2qXo5Rb1Tz',
      ],
      negatives: [
        'jdbc:sqlserver://localhost:1433;databaseName=AdventureWorks;integratedSecurity=true',
        'jdbc:sqlserver://x.x.x.x:1433;databaseName=MY-DB;user=MY-USER;password=MY-PASSWORD;encrypt=false',
        'jdbc:sqlserver://sql01:1433;user=sa;password=<YourStrong!Passw0rd>',
      ],
    },
  },
  {
    // https://docs.oracle.com/en/database/oracle/oracle-database/19/jjdbc/data-sources-and-URLs.html
    id: 'jdbc-oracle-connection-string',
    name: 'Oracle JDBC URL with user and password',
    category: 'connection_string',
    keywords: ['jdbc:oracle:'],
    ignoreCase: true,
    pattern: String.raw`\bjdbc:oracle:(?:thin|oci8?):([A-Za-z0-9_$#.]{1,64})/([!#-&(-.0-?A-~]{1,128})@`,
    secretGroup: 2,
    validate: (password, ctx) => isRealPassword(password, ctx.groups[1]),
    examples: {
      positives: [
        {
          text: 'db.url=jdbc:oracle:thin:GL_APP/Ux4q.Rt7vYp2Lm9k@//ora-prod.acme.test:1521/FINPDB',
          secret: 'Ux4q.Rt7vYp2Lm9k',
        },
        'jdbc:oracle:thin:etl/Hz5!Nw8cQe3Jb6Ds@ora19:1521:ORCL',
      ],
      negatives: [
        'jdbc:oracle:thin:scott/tiger@localhost:1521:orcl',
        'jdbc:oracle:thin:@host:1521:db',
        'jdbc:oracle:thin:${user}/${password}@db:1521/ORCL',
      ],
    },
  },
  {
    // Other JDBC drivers (DB2, Hive, Snowflake, Redshift, ClickHouse, ...): a password property.
    id: 'jdbc-connection-string',
    name: 'JDBC URL with password',
    category: 'connection_string',
    keywords: ['jdbc:'],
    ignoreCase: true,
    priority: -1, // the driver-specific entries above win on the same password
    pattern: String.raw`\bjdbc:[a-z0-9]{2,20}(?::[a-z0-9]{2,20})?:${URL_TEXT}{1,300}[;?&:]password=(${VALUE}{1,128})`,
    validate: validValue,
    examples: {
      positives: [
        {
          text: 'jdbc:db2://db2prod.acme.test:50000/SALES:user=db2inst1;password=Rm6.Tx9qLw2Vb8Kp;',
          secret: 'Rm6.Tx9qLw2Vb8Kp',
        },
        'jdbc:hive2://hive.acme.test:10000/default;user=etl;password=Gf4!Zc7nWq1Yh5Js',
        'jdbc:redshift://rs.abc123.eu-west-1.redshift.amazonaws.com:5439/dw?user=loader&password=Pk2~Xv9mHt4Nd7Qa',
      ],
      negatives: [
        'jdbc:sqlite:/data/test.db',
        'jdbc:db2://db2:50000/SALES:user=db2inst1;password=********;',
        'jdbc:hive2://hive:10000/default;user=etl;password=',
      ],
    },
  },
  {
    // ADO.NET / ODBC style: Server=...;User Id=...;Password=...; (SqlClient, Npgsql, MySqlConnector)
    id: 'adonet-connection-string',
    name: 'ADO.NET connection string with password',
    category: 'connection_string',
    keywords: ['password=', 'pwd='],
    ignoreCase: true,
    pattern: String.raw`\b(?:Server|Data Source|Host|Address|Addr|Network Address)\s?=\s?${PROPERTY}{1,100}(?:;${PROPERTY}{0,100}){0,8};\s?(?:Password|Pwd)\s?=\s?(${VALUE}{1,128})`,
    validate: validValue,
    window: 1024,
    examples: {
      positives: [
        {
          text: '"DefaultConnection": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=orders;User ID=orders_app;Password=Lw8.Qs3vNk6Yt1Jd;Encrypt=True;"',
          secret: 'Lw8.Qs3vNk6Yt1Jd',
        },
        'Host=pg.acme.test;Port=5432;Database=identity;Username=identity;Password=Cx5!Hm2rBz9Fw4Le',
        'Data Source=10.0.0.5;Initial Catalog=HR;uid=hr_reader;pwd=Tb7~Kq1xDn4Gs8Vo;',
      ],
      negatives: [
        'Server=localhost;Database=master;Trusted_Connection=True;',
        'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
        'Server=sql01;Database=app;User Id=app;Password=<password>;',
        'Server=sql01;Database=app;User Id=app;Password={0};',
      ],
    },
  },
  {
    // https://kafka.apache.org/documentation/#security_sasl_jaasconfig
    id: 'kafka-jaas-password',
    name: 'Kafka SASL JAAS config with password',
    category: 'credentials',
    keywords: ['loginmodule'],
    pattern: String.raw`(?:PlainLoginModule|ScramLoginModule)${WS}{1,5}required[\t-\r -:<-~]{0,300}[\t-\r "'\\]password\s?=\s?\\?["']([!#-&(-\[\]-~]{1,200})\\?["']`,
    validate: validValue,
    window: 1024,
    examples: {
      positives: [
        {
          text: 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="QK7RZ3M2XW5TLP4A" password="a7Jq2Lw9Xc4Vn8Rt1Yb6Km3Hs5Dg0Fp2Ze9Uc4Wx7Qn1Mv6Bt8Ly3Ok5Ia2Ps0Ej";',
          secret: 'a7Jq2Lw9Xc4Vn8Rt1Yb6Km3Hs5Dg0Fp2Ze9Uc4Wx7Qn1Mv6Bt8Ly3Ok5Ia2Ps0Ej',
        },
        "KafkaClient {\n  org.apache.kafka.common.security.scram.ScramLoginModule required\n  username='stream-proc'\n  password='Wd3.Rk8mYq5Tc1Zn';\n};",
      ],
      negatives: [
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="<api-secret>";',
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="{{ kafka_user }}" password="{{ kafka_password }}";',
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="$KAFKA_KEY" password="$KAFKA_SECRET";',
      ],
    },
  },
  {
    id: 'ldap-connection-uri',
    name: 'LDAP URL with bind password',
    category: 'connection_string',
    keywords: ['ldap://', 'ldaps://'],
    pattern: url('ldaps?'),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'AUTH_LDAP_SERVER_URI=ldaps://svc-jira:Qm4.Xt8vLw1Rk6Zp@dc01.corp.acme.test:636',
          secret: 'Qm4.Xt8vLw1Rk6Zp',
        },
        'ldap://binduser:Fz2!Jc9nVy5Hb3Wq@10.0.0.10:389/dc=corp,dc=acme,dc=test',
      ],
      negatives: ['ldap://dc01.corp.acme.test:389/dc=corp', 'ldaps://user:secret@dc01:636'],
    },
  },
  {
    id: 'ftp-connection-uri',
    name: 'FTP / SFTP URL with password',
    category: 'connection_string',
    keywords: ['ftp://', 'ftps://', 'sftp://'],
    pattern: url('s?ftps?'),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'upload with curl -T build.zip ftp://deploy:Hn6.Vb2xKq9Lt4Ws@ftp.acme.test/releases/',
          secret: 'Hn6.Vb2xKq9Lt4Ws',
        },
        'sftp://partner-x:Zr5~Pm8cTd3Yg1Ke@files.acme.test:2222/inbound',
      ],
      negatives: ['ftp://anonymous:anonymous@ftp.acme.test/pub', 'ftp://ftp.acme.test/pub'],
    },
  },
  {
    id: 'smtp-connection-uri',
    name: 'SMTP URL with password',
    category: 'connection_string',
    keywords: ['smtp://', 'smtps://'],
    pattern: url(String.raw`smtps?(?:\+starttls)?`),
    secretGroup: 2,
    validate: validUrlPassword,
    examples: {
      positives: [
        {
          text: 'EMAIL_URL=smtp://alerts%40acme.test:Bq7.Wn3xRk8Lz2Vd@smtp.mailprovider.test:587',
          secret: 'Bq7.Wn3xRk8Lz2Vd',
        },
        'MAILER_DSN=smtps://notify:Ty4!Gc9mQp1Hs6Xj@mail.acme.test:465',
      ],
      negatives: ['smtp://user:password@smtp.acme.test:587', 'smtp://smtp.acme.test:25'],
    },
  },
]);

// Revoke or rotate: PostgreSQL documentation, "ALTER ROLE" (the same step exists in every database: MySQL ALTER USER, MongoDB updateUser, Redis ACL SETUSER).
guidance('connection-string', {
  steps:
    "Change the password of the database or broker account named in the connection string (PostgreSQL: ALTER ROLE name PASSWORD '...'; MySQL: ALTER USER; MongoDB: db.updateUser; Redis: ACL SETUSER or requirepass), update the applications that use it, and end the sessions still open with the old one. If the server is reachable from outside, check its connection log for clients you do not know.",
  url: 'https://www.postgresql.org/docs/current/sql-alterrole.html',
});
