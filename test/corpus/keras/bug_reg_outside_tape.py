# Idiom seen in: ssongman/AI ML_basic/c01_helloworld/temp.py
# What it reproduces: a tf.keras.regularizers.l2 object applied by hand to a raw tf.Variable in a
#   low-level TF2 script (the repo computes reg_loss = regularizer(W) and prints it). Here the linear
#   model is trained with a GradientTape, and the regularizer term is still only printed, never added to
#   the loss differentiated for W (WD104 at the term).
import tensorflow as tf

LEARNING_RATE = 0.05
EPOCHS = 200

W = tf.Variable(tf.ones(shape=(2, 2)), name="W")
b = tf.Variable(tf.zeros(shape=(2,)), name="b")
regularizer = tf.keras.regularizers.l2(0.04)


@tf.function
def forward(x):
    return tf.matmul(x, W) + b


def mse(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


x_data = tf.random.normal((256, 2))
y_data = tf.matmul(x_data, tf.constant([[2.0, -1.0], [0.5, 3.0]])) + 0.1 * tf.random.normal((256, 2))

for epoch in range(EPOCHS):
    with tf.GradientTape() as tape:
        pred = forward(x_data)
        loss = mse(y_data, pred)
    reg_loss = regularizer(W)  # expect: WD104
    dW, db = tape.gradient(loss, [W, b])
    W.assign_sub(LEARNING_RATE * dW)
    b.assign_sub(LEARNING_RATE * db)
    if epoch % 20 == 0:
        print(epoch, float(loss), float(reg_loss))
