@file:Suppress("unused", "UNUSED_PARAMETER")
@file:JvmName("Everything")

package com.contoso.everything

import kotlinx.coroutines.runBlocking
import java.util.concurrent.ConcurrentHashMap
import kotlin.math.max as maximum
import org.springframework.boot.autoconfigure.SpringBootApplication
import org.springframework.boot.runApplication
import org.springframework.web.bind.annotation.*

typealias Handler<T> = (T) -> Unit

const val TIMEOUT_MS: Long = 1_000L
val EMPTY = emptyList<String>()
var counter = 0
private val cache = ConcurrentHashMap<String, List<Map<String, Int?>>>()

@SpringBootApplication(scanBasePackages = ["com.contoso", "com.other"])
class Application

fun main(args: Array<String>) {
    runApplication<Application>(*args)
}

sealed class Result<out T> {
    data class Ok<T>(val value: T) : Result<T>()
    data class Err(val error: Throwable, val code: Int = -1) : Result<Nothing>()
    object Loading : Result<Nothing>()
}

@JvmInline
value class AccountName(val value: String)

fun interface Validator {
    fun validate(input: String): Boolean
}

interface Repository<T : Any, ID> where ID : Comparable<ID> {
    fun find(id: ID): T?
    fun all(): List<T> = emptyList()
    val name: String
        get() = "repo"
}

enum class Level(val weight: Int) : Comparable<Level> {
    LOW(1) {
        override fun describe() = "low"
    },
    HIGH(10) {
        override fun describe() = "high"
    };

    abstract fun describe(): String

    companion object Factory {
        fun of(weight: Int): Level = values().first { it.weight >= weight }
    }
}

@RestController
@RequestMapping("/orders")
class OrderController(private val repo: Repository<String, Int>) : Validator {
    private var state: String = "new"
        set(value) {
            field = value.trim()
        }
        get() = field.uppercase()

    private val lazyValue: String by lazy {
        val a = 1
        "value-$a"
    }

    init {
        require(TIMEOUT_MS > 0) { "timeout must be positive" }
    }

    constructor(repo: Repository<String, Int>, extra: String) : this(repo) {
        state = extra
    }

    override fun validate(input: String): Boolean = input.isNotBlank() && input !in setOf("a", "b")

    @GetMapping("/{id}")
    suspend fun get(@PathVariable id: Int, @RequestParam(required = false) verbose: Boolean = false): String? {
        val found = repo.find(id) ?: return null
        val (first, second) = Pair(found, id)
        val label = when {
            id < 0 -> "negative"
            id in 0..9 -> "small"
            id is Int && id > 1000 -> "large"
            else -> {
                val x = id * 2
                "other $x"
            }
        }
        val kind = when (val r = compute(id)) {
            is Result.Ok<*> -> "ok ${r.value}"
            is Result.Err -> "err ${r.error.message ?: "none"} ${r.code}"
            Result.Loading -> "loading"
        }
        val parsed = try {
            found.toInt()
        } catch (e: NumberFormatException) {
            -1
        } finally {
            counter++
        }
        listOf(1, 2, 3).forEach {
            if (it == 2) return@forEach
            println(it)
        }
        val total = (1..10).filter { n -> n % 2 == 0 }.map { it * it }.sum()
        val comparator = object : Comparator<String> {
            override fun compare(a: String, b: String): Int = a.length - b.length
        }
        val handler: Handler<String> = { s -> println(s) }
        handler("x")
        val ref = ::helper
        val cls = OrderController::class.java
        val nested = "outer ${"inner ${id + 1}"} end"
        val raw = """
            |multi ${'$'}line $first
            |with "quotes" and \ backslash
        """.trimMargin()
        val bits = 0xFF and 0x0F shl 2
        val unsigned = 42u
        val chars = charArrayOf('a', '\n', '\'', '\$')
        val cast = (found as? CharSequence)?.length!!
        var i = 0
        while (i < 3) { i += 1 }
        do { i-- } while (i > 0)
        for ((index, value) in listOf("a").withIndex()) println("$index $value")
        outer@ for (a in 1..3) { for (b in 1..3) { if (a == b) continue@outer; if (b > 2) break@outer } }
        runBlocking { println(maximum(1, 2)) }
        return "$label $kind $parsed $total $second ${comparator.compare("a", "b")} $ref $cls $nested $raw $bits $unsigned ${chars.size} $cast $lazyValue"
    }

    private fun helper(): Int = this@OrderController.hashCode()

    private fun compute(id: Int): Result<Int> = if (id > 0) Result.Ok(id) else Result.Err(IllegalStateException("bad"))

    inner class Inner {
        fun outer() = this@OrderController.state
    }

    infix fun String.joinWith(other: String) = this + other

    operator fun plus(other: OrderController): OrderController = this
}

fun <T> T.applyIf(condition: Boolean, block: T.() -> T): T = if (condition) block() else this

inline fun <reified T> typeName(): String = T::class.java.simpleName

expect fun platform(): String

data class Point(val x: Int, val y: Int) {
    operator fun component3() = x + y
}

annotation class Marker(val value: String, val tags: Array<String> = [])

@Marker("m", tags = ["a", "b"])
class Marked

val lambdaWithReceiver: StringBuilder.() -> Unit = { append("x") }

object Registry : HashMap<String, Any>() {
    @JvmStatic
    fun register(key: String, value: Any) = put(key, value)
}
