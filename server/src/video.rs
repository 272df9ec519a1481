//! The video rooms under way: for each appointment whose room someone is in, the domain's
//! [`Room`] and the connection in each seat. Only signalling passes here (session descriptions
//! and network candidates); the media go from browser to browser and never reach the server.
//!
//! Rooms live in memory: a restart ends the calls, and the browsers reconnect to a new room.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use inzage_domain::video::{ClientSignal, Outgoing, Room, Seat, ServerSignal};
use inzage_domain::Message;
use tokio::sync::mpsc;

/// A room and its connections.
#[derive(Default)]
struct Occupied {
    room: Room,
    peers: HashMap<Seat, Peer>,
}

/// The connection in a seat.
struct Peer {
    id: u64,
    to: mpsc::UnboundedSender<ServerSignal>,
}

/// A connection that took a seat: what it receives, and how it leaves.
pub struct Seated {
    /// The room's key.
    pub key: String,
    /// The seat.
    pub seat: Seat,
    id: u64,
    /// What the room sends this connection.
    pub incoming: mpsc::UnboundedReceiver<ServerSignal>,
}

/// Every room with someone in it, by appointment.
#[derive(Default)]
pub struct VideoRooms {
    rooms: Mutex<HashMap<String, Occupied>>,
    next_id: AtomicU64,
}

impl VideoRooms {
    fn with<T>(&self, f: impl FnOnce(&mut HashMap<String, Occupied>) -> T) -> T {
        // The map stays consistent whatever panicked while holding it: every change below
        // completes before anything that could panic.
        let mut rooms = self.rooms.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut rooms)
    }

    /// Whether `seat` of room `key` is taken now (to refuse a second connection before it
    /// upgrades; [`VideoRooms::enter`] decides again).
    pub fn is_taken(&self, key: &str, seat: Seat) -> bool {
        self.with(|rooms| rooms.get(key).is_some_and(|o| o.peers.contains_key(&seat)))
    }

    /// Takes `seat` in room `key`, or says why not (`video.seat_taken`).
    pub fn enter(&self, key: &str, seat: Seat) -> Result<Seated, Message> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let (to, incoming) = mpsc::unbounded_channel();
        self.with(|rooms| {
            let occupied = rooms.entry(key.to_owned()).or_default();
            let out = occupied.room.join(seat)?;
            occupied.peers.insert(seat, Peer { id, to });
            deliver(occupied, out);
            Ok(Seated {
                key: key.to_owned(),
                seat,
                id,
                incoming,
            })
        })
        .inspect_err(|_| self.forget_if_empty(key))
    }

    /// A message from a seated connection: relayed, or refused with the reason.
    pub fn receive(&self, seated: &Seated, signal: ClientSignal) -> Result<(), Message> {
        self.with(|rooms| {
            let occupied = rooms
                .get_mut(&seated.key)
                .filter(|o| o.peers.get(&seated.seat).is_some_and(|p| p.id == seated.id))
                .ok_or_else(|| Message::new("video.not_in_room"))?;
            let out = occupied.room.receive(seated.seat, signal)?;
            deliver(occupied, out);
            Ok(())
        })
    }

    /// The connection leaves its seat (also when it dropped); the other is told.
    pub fn leave(&self, seated: &Seated) {
        self.with(|rooms| {
            let Some(occupied) = rooms.get_mut(&seated.key) else {
                return;
            };
            if occupied
                .peers
                .get(&seated.seat)
                .is_none_or(|p| p.id != seated.id)
            {
                return;
            }
            occupied.peers.remove(&seated.seat);
            let out = occupied.room.leave(seated.seat);
            deliver(occupied, out);
            if occupied.peers.is_empty() {
                rooms.remove(&seated.key);
            }
        });
    }

    /// How many rooms have someone in them.
    pub fn open_rooms(&self) -> usize {
        self.with(|rooms| rooms.len())
    }

    fn forget_if_empty(&self, key: &str) {
        self.with(|rooms| {
            if rooms.get(key).is_some_and(|o| o.peers.is_empty()) {
                rooms.remove(key);
            }
        });
    }
}

/// Sends what the room says to the seats' connections (a connection that is going away just
/// misses it: it leaves the room next).
fn deliver(occupied: &Occupied, out: Outgoing) {
    for (seat, signal) in out {
        if let Some(peer) = occupied.peers.get(&seat) {
            let _gone = peer.to.send(signal);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn two_connections_meet_and_a_third_is_refused() {
        let rooms = VideoRooms::default();
        let mut patient = rooms.enter("a", Seat::Patient).unwrap();
        assert!(matches!(
            patient.incoming.try_recv().unwrap(),
            ServerSignal::Joined {
                peer_present: false,
                ..
            }
        ));
        assert_eq!(
            rooms.enter("a", Seat::Patient).err().unwrap().key,
            "video.seat_taken"
        );
        let mut doctor = rooms.enter("a", Seat::Doctor).unwrap();
        assert!(matches!(
            doctor.incoming.try_recv().unwrap(),
            ServerSignal::Joined {
                peer_present: true,
                ..
            }
        ));
        assert_eq!(doctor.incoming.try_recv().unwrap(), ServerSignal::Waiting);
        rooms.receive(&doctor, ClientSignal::Admit).unwrap();
        assert_eq!(patient.incoming.try_recv().unwrap(), ServerSignal::Admitted);
        rooms
            .receive(&patient, ClientSignal::Offer { sdp: "v=0".into() })
            .unwrap();
        assert_eq!(doctor.incoming.try_recv().unwrap(), ServerSignal::Admitted);
        assert_eq!(
            doctor.incoming.try_recv().unwrap(),
            ServerSignal::Offer { sdp: "v=0".into() }
        );
        // Another room is another room.
        let _other = rooms.enter("b", Seat::Patient).unwrap();
        assert_eq!(rooms.open_rooms(), 2);
        rooms.leave(&patient);
        assert_eq!(doctor.incoming.try_recv().unwrap(), ServerSignal::PeerLeft);
        rooms.leave(&patient);
        rooms.leave(&doctor);
        assert_eq!(rooms.open_rooms(), 1, "an empty room is forgotten");
        assert_eq!(
            rooms.receive(&doctor, ClientSignal::Admit).unwrap_err().key,
            "video.not_in_room"
        );
    }
}
