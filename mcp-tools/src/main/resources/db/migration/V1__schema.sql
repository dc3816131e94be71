CREATE TABLE hotel (
    id VARCHAR(16) PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    city VARCHAR(60) NOT NULL,
    address VARCHAR(200) NOT NULL,
    price_per_night INTEGER NOT NULL,
    rating NUMERIC(2, 1) NOT NULL
);

CREATE TABLE flight (
    id VARCHAR(16) PRIMARY KEY,
    origin VARCHAR(60) NOT NULL,
    destination VARCHAR(60) NOT NULL,
    departure_time VARCHAR(5) NOT NULL,
    price INTEGER NOT NULL
);

CREATE TABLE car (
    id VARCHAR(16) PRIMARY KEY,
    city VARCHAR(60) NOT NULL,
    model VARCHAR(60) NOT NULL,
    category VARCHAR(20) NOT NULL,
    price_per_day INTEGER NOT NULL
);

CREATE TABLE booking (
    reference VARCHAR(16) PRIMARY KEY,
    kind VARCHAR(10) NOT NULL,
    item_id VARCHAR(16) NOT NULL,
    description VARCHAR(200) NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    party_size INTEGER NOT NULL,
    customer_name VARCHAR(100) NOT NULL,
    phone_number VARCHAR(20),
    status VARCHAR(12) NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE phone_session (
    phone_number VARCHAR(20) PRIMARY KEY,
    product_name VARCHAR(20) NOT NULL,
    destination_city VARCHAR(60) NOT NULL,
    booking_start_date VARCHAR(40),
    booking_end_date VARCHAR(40),
    hotel_name VARCHAR(100),
    hotel_address VARCHAR(200),
    number_of_guests INTEGER,
    number_of_rooms INTEGER
);
