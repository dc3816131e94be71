INSERT INTO hotel (id, name, city, address, price_per_night, rating) VALUES
    ('H-NYC-1', 'Holiday Inn - Times Square', 'New York', '585 8th Avenue, New York', 189, 4.1),
    ('H-NYC-2', 'Hudson River Suites', 'New York', '220 West Street, New York', 245, 4.5),
    ('H-TOR-1', 'Harbourfront Inn', 'Toronto', '10 Queens Quay, Toronto', 159, 4.3),
    ('H-TOR-2', 'Maple Leaf Lodge', 'Toronto', '88 King Street West, Toronto', 129, 3.9),
    ('H-VAN-1', 'Stanley Park Hotel', 'Vancouver', '1601 Bayshore Drive, Vancouver', 199, 4.4),
    ('H-PAR-1', 'Hotel Rive Gauche', 'Paris', '12 Rue du Bac, Paris', 210, 4.6);

INSERT INTO flight (id, origin, destination, departure_time, price) VALUES
    ('F-TN-0800', 'Toronto', 'New York', '08:00', 219),
    ('F-TN-1730', 'Toronto', 'New York', '17:30', 189),
    ('F-NT-1000', 'New York', 'Toronto', '10:00', 209),
    ('F-TV-0900', 'Toronto', 'Vancouver', '09:00', 349),
    ('F-VT-1400', 'Vancouver', 'Toronto', '14:00', 339),
    ('F-NP-1900', 'New York', 'Paris', '19:00', 689),
    ('F-PN-1100', 'Paris', 'New York', '11:00', 659);

INSERT INTO car (id, city, model, category, price_per_day) VALUES
    ('C-NYC-1', 'New York', 'Toyota Corolla', 'compact', 69),
    ('C-NYC-2', 'New York', 'Ford Explorer', 'suv', 109),
    ('C-TOR-1', 'Toronto', 'Honda Civic', 'compact', 59),
    ('C-VAN-1', 'Vancouver', 'Subaru Outback', 'suv', 89),
    ('C-PAR-1', 'Paris', 'Renault Clio', 'compact', 55);

-- The original project's caller-ID records: one with trip dates, one without; any other number has none.
INSERT INTO phone_session (phone_number, product_name, destination_city, booking_start_date, booking_end_date,
        hotel_name, hotel_address, number_of_guests, number_of_rooms) VALUES
    ('+14000000000', 'hotel', 'New York', 'March 22, 2027', 'March 23, 2027', 'Holiday Inn - Times Square',
        '585 8th Avenue, New York, NY - Times Square - Theatre District', 2, 1),
    ('+15000000000', 'hotel', 'New York', NULL, NULL, 'Holiday Inn - Times Square',
        '585 8th Avenue, New York, NY - Times Square - Theatre District', NULL, NULL);
