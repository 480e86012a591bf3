// Idiom seen in: bobiblazeski/js-gym server/mk/index.js
// What it reproduces: js-gym's socket.io server that builds the DDPG agent from the model factories and feeds it
//   environment steps from the browser game; the critic regularizers it builds are dropped by ddpg.js's loss.
const path = require('path');
const express = require('express');
const tf = require('@tensorflow/tfjs-node');

const DDPG = require('./ddpg');
const {makeActor, makeCritic, ACTION_SIZE} = require('./model')(tf);

const app = express();
const server = require('http').Server(app);
const io = require('socket.io')(server);

app.use(express.static(path.join(__dirname, '../static/')));

const ddpg = new DDPG(ACTION_SIZE, makeActor, makeCritic, {lrCritic: 3e-4});

io.on('connection', (socket) => {
  socket.on('act', async (state) => {
    const action = tf.tidy(() => tf.squeeze(ddpg.actor.predict(tf.tensor([state]))));
    socket.emit('action', Array.from(await action.data()));
  });
  socket.on('step', ([envStep, other]) => {
    ddpg.step(envStep, other);
  });
});

server.listen(3000, () => console.log('Listening on 3000'));
